package io.newsradar.gateway.story;

import java.time.Instant;
import java.util.List;

/**
 * A story as the API lists it: its size, where and in which languages it was reported, when, and its newest headline.
 *
 * @param id               the story id: the id of the article that opened it
 * @param articles         how many of its articles match (in a list under filters) or it holds (on its own route)
 * @param sources          the distinct sources of those articles, most articles first
 * @param languages        their distinct languages, most articles first
 * @param firstPublishedAt when the earliest of them was published
 * @param lastPublishedAt  when the newest of them was published
 * @param newest           the newest of them
 */
public record StorySummary(String id, long articles, List<String> sources, List<String> languages, Instant firstPublishedAt,
                           Instant lastPublishedAt, Headline newest) {

    public StorySummary {
        sources = List.copyOf(sources);
        languages = List.copyOf(languages);
    }

    /** An article's headline and where it stood. */
    public record Headline(String articleId, String title, String source, String language, Instant publishedAt) {
    }
}
