package io.newsradar.ingest.parse;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a feed, reduced to plain text.
 *
 * @param title      the headline, markup removed
 * @param link       the article's absolute URL, or {@code null}
 * @param guid       the RSS guid or Atom id, or {@code null}
 * @param summary    the description or summary, markup removed
 * @param content    the full content when the feed carries it ({@code content:encoded}, Atom content), markup removed
 * @param published  when it was published (or last updated), or {@code null}
 * @param categories the item's categories
 */
public record FeedItem(String title, String link, String guid, String summary, String content, Instant published,
        List<String> categories) {

    public FeedItem {
        categories = List.copyOf(categories);
    }
}
