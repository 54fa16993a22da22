package io.newsradar.reference.filter;

import java.time.Instant;
import java.util.Set;

/**
 * The filters of {@code GET /api/v1/articles}, already checked and written as the index holds the codes: a pair in
 * canonical order ({@code JP-VN}), countries and regions upper case, topics, languages and feed ids lower case. An
 * empty set asks nothing of the article.
 *
 * @param pairs         country pairs, any of which the article's pair must be
 * @param countries     countries, any of which the article must be tagged with
 * @param regions       regions as asked; {@link ArticleFilter} widens each to its merged and current regions
 * @param topics        topics, any of which the article must have
 * @param languages     language tags
 * @param sources       source names, as the feeds give them
 * @param feeds         feed ids
 * @param from          published at or after, or {@code null}
 * @param to            published before, or {@code null}
 * @param text          words the title must hold, or {@code null}
 * @param minConfidence the least score a tag must have for a tag filter to hold on it; 0 takes every tag
 */
public record FilterCriteria(Set<String> pairs, Set<String> countries, Set<String> regions, Set<String> topics,
        Set<String> languages, Set<String> sources, Set<String> feeds, Instant from, Instant to, String text,
        double minConfidence) {

    public FilterCriteria {
        pairs = Set.copyOf(pairs);
        countries = Set.copyOf(countries);
        regions = Set.copyOf(regions);
        topics = Set.copyOf(topics);
        languages = Set.copyOf(languages);
        sources = Set.copyOf(sources);
        feeds = Set.copyOf(feeds);
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new IllegalArgumentException("minConfidence must be from 0 to 1, was " + minConfidence);
        }
    }
}
