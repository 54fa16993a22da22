package io.newsradar.ingest.parse;

import io.newsradar.ingest.encoding.DocumentCharset;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/** An HTML page served where a feed was expected, and the feeds it advertises in its head. */
final class HtmlPage {

    private static final Set<String> FEED_TYPES = Set.of("application/rss+xml", "application/atom+xml",
            "application/rdf+xml", "application/feed+json", "application/json");
    /** The advertising {@code <link>}s are in the head: no need to parse a whole large page. */
    private static final int HEAD_BYTES = 512 * 1024;

    private HtmlPage() {
    }

    static FeedParseException notAFeed(URI source, byte[] document, DocumentCharset charset) {
        List<String> feeds = advertisedFeeds(source, document, charset);
        return new FeedParseException(feeds.isEmpty()
                ? source + " is an HTML page, not a feed, and it advertises no feed"
                : source + " is an HTML page, not a feed; it advertises " + String.join(", ", feeds));
    }

    static List<String> advertisedFeeds(URI source, byte[] document, DocumentCharset charset) {
        int skip = charset.bomLength();
        String head = new String(document, skip, Math.min(document.length - skip, HEAD_BYTES), charset.charset());
        return Jsoup.parse(head, source.toString()).select("link[rel][href][type]").stream()
                .filter(HtmlPage::isFeedAlternate)
                .map(link -> link.absUrl("href"))
                .filter(href -> !href.isEmpty())
                .distinct()
                .toList();
    }

    private static boolean isFeedAlternate(Element link) {
        String type = link.attr("type").split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return FEED_TYPES.contains(type)
                && List.of(link.attr("rel").toLowerCase(Locale.ROOT).split("\\s+")).contains("alternate");
    }
}
