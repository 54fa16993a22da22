package io.newsradar.ingest.parse;

import java.time.Duration;
import java.util.List;

/**
 * A feed document read by {@link FeedParser}.
 *
 * @param title        the feed's own title, or {@code null}
 * @param language     the feed's own language tag, or {@code null}
 * @param format       what the document is, as ROME names it ({@code rss_0.91U}, {@code rss_0.92}, {@code rss_1.0},
 *                     {@code rss_2.0}, {@code atom_0.3}, {@code atom_1.0}) or {@code json_1.0}, {@code json_1.1}
 * @param ttl          how long the feed may be cached, from RSS {@code <ttl>}, or {@code null}
 * @param updatePeriod how often the feed says it changes, from {@code sy:updatePeriod} divided by
 *                     {@code sy:updateFrequency}, or {@code null}
 * @param items           its entries, in document order; at most the parser's item limit
 * @param itemsInDocument how many entries the document holds; more than {@code items} when the limit cut it
 */
public record ParsedFeed(String title, String language, String format, Duration ttl, Duration updatePeriod,
        List<FeedItem> items, int itemsInDocument) {

    public ParsedFeed {
        items = List.copyOf(items);
        itemsInDocument = Math.max(itemsInDocument, items.size());
    }

    /** A document read whole. */
    public ParsedFeed(String title, String language, String format, Duration ttl, Duration updatePeriod,
            List<FeedItem> items) {
        this(title, language, format, ttl, updatePeriod, items, items.size());
    }

    /** Whether the parser's item limit left some of the document's items unread. */
    public boolean itemsCut() {
        return itemsInDocument > items.size();
    }
}
