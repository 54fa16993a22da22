package io.newsradar.testsupport;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Writes RSS 2.0 documents for tests, items newest first, as publishers do. */
public final class RssFeed {

    private final String title;
    private final String link;
    private final String language;
    private final List<Item> items = new ArrayList<>();

    private RssFeed(String title, String link, String language) {
        this.title = title;
        this.link = link;
        this.language = language;
    }

    public static RssFeed channel(String title, String link, String language) {
        return new RssFeed(title, link, language);
    }

    /** One feed item; {@code guid} may be {@code null} (then the link is the only identity). */
    public record Item(String title, String link, String guid, String description, Instant published) {
    }

    /** Adds an item at the top of the feed. */
    public RssFeed item(Item item) {
        items.add(0, item);
        return this;
    }

    public RssFeed item(String title, String link, String description, Instant published) {
        return item(new Item(title, link, link, description, published));
    }

    public List<Item> items() {
        return List.copyOf(items);
    }

    public String toXml() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\">\n<channel>\n");
        element(xml, "title", title);
        element(xml, "link", link);
        element(xml, "description", title);
        element(xml, "language", language);
        for (Item item : items) {
            xml.append("<item>\n");
            element(xml, "title", item.title());
            element(xml, "link", item.link());
            if (item.guid() != null) {
                xml.append("  <guid isPermaLink=\"").append(item.guid().equals(item.link())).append("\">")
                        .append(escape(item.guid())).append("</guid>\n");
            }
            element(xml, "description", item.description());
            if (item.published() != null) {
                element(xml, "pubDate", DateTimeFormatter.RFC_1123_DATE_TIME.format(item.published().atOffset(ZoneOffset.UTC)));
            }
            xml.append("</item>\n");
        }
        return xml.append("</channel>\n</rss>\n").toString();
    }

    private static void element(StringBuilder xml, String name, String value) {
        if (value != null) {
            xml.append("  <").append(name).append('>').append(escape(value)).append("</").append(name).append(">\n");
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
