package io.newsradar.ingest.parse;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a feed, reduced to plain text (markup removed, entities decoded, whitespace collapsed, Unicode NFC).
 *
 * @param title      the headline
 * @param link       the article's absolute URL (resolved against the feed URL and Atom {@code xml:base}), or {@code null}
 * @param guid       the RSS guid, RSS 1.0 {@code rdf:about}, Atom id or JSON Feed id, or {@code null}
 * @param summary    the description or summary
 * @param content    the full content when the feed carries it ({@code content:encoded}, Atom content, JSON Feed
 *                   {@code content_html} or {@code content_text})
 * @param published  when it was first published, or {@code null} when absent or unreadable (ROME reads RFC 822
 *                   dates such as {@code +0700} ones and W3C/ISO 8601 dates; one without a time zone it cannot read)
 * @param updated    when it was last updated, or {@code null} when absent or unreadable
 * @param categories the item's categories or tags, without duplicates
 */
public record FeedItem(String title, String link, String guid, String summary, String content, Instant published,
        Instant updated, List<String> categories) {

    public FeedItem {
        categories = List.copyOf(categories);
    }
}
