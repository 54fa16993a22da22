package io.newsradar.ingest.parse;

import java.util.List;

/**
 * A feed document read by {@link FeedParser}.
 *
 * @param title    the feed's own title, or {@code null}
 * @param language the feed's own language tag, or {@code null}
 * @param items    its entries, in document order
 */
public record ParsedFeed(String title, String language, List<FeedItem> items) {

    public ParsedFeed {
        items = List.copyOf(items);
    }
}
