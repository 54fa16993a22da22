package io.newsradar.demo;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** One demo feed: its latest stories, newest first, as RSS 2.0 and as article pages. */
final class DemoFeed {

    record Item(int number, StoryGenerator.Story story, Instant published) {
    }

    static final int KEPT = 40;

    private final String language;
    private final String title;
    private final StoryGenerator generator;
    private final Deque<Item> items = new ArrayDeque<>();
    private int published;
    private Instant lastModified = Instant.EPOCH;
    private final long edition;

    /**
     * @param edition in every article link ({@code ?edition=}), so that the stories of a server started again are new
     *                articles, not ones a reader has already seen under the same link
     */
    DemoFeed(String language, String title, long seed, long edition) {
        this.language = language;
        this.title = title;
        this.edition = edition;
        this.generator = new StoryGenerator(language, seed);
    }

    String language() {
        return language;
    }

    synchronized Item publish(Instant now) {
        Item item = new Item(++published, generator.next(), now);
        items.addFirst(item);
        while (items.size() > KEPT) {
            items.removeLast();
        }
        lastModified = now;
        return item;
    }

    synchronized int published() {
        return published;
    }

    synchronized String etag() {
        return "\"" + language + "-" + published + "\"";
    }

    synchronized Instant lastModified() {
        return lastModified;
    }

    synchronized Item item(int number) {
        return items.stream().filter(i -> i.number() == number).findFirst().orElse(null);
    }

    synchronized String rss(String baseUrl) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\">\n<channel>\n");
        element(xml, "title", title);
        element(xml, "link", baseUrl + "/");
        element(xml, "description", title + " (newsradar demo feed)");
        element(xml, "language", language);
        // No <ttl>: its unit is the minute, and ingest honours it, while a demo story arrives every few seconds.
        for (Item item : List.copyOf(items)) {
            xml.append("<item>\n");
            element(xml, "title", item.story().title());
            element(xml, "link", articleUrl(baseUrl, item));
            element(xml, "guid", articleUrl(baseUrl, item));
            element(xml, "description", item.story().lead());
            element(xml, "pubDate", DateTimeFormatter.RFC_1123_DATE_TIME.format(item.published().atOffset(ZoneOffset.UTC)));
            xml.append("</item>\n");
        }
        return xml.append("</channel>\n</rss>\n").toString();
    }

    String page(Item item) {
        return "<!doctype html>\n<html lang=\"" + language + "\"><head><meta charset=\"utf-8\"><title>" + escape(item.story().title())
                + "</title></head>\n<body><nav>" + escape(title) + "</nav>\n<article><h1>" + escape(item.story().title())
                + "</h1>\n<p class=\"lead\">" + escape(item.story().lead()) + "</p>\n<p>" + escape(item.story().body())
                + "</p></article>\n</body></html>\n";
    }

    private String articleUrl(String baseUrl, Item item) {
        return baseUrl + "/articles/" + language + "/" + item.number() + ".html?edition=" + edition;
    }

    private static void element(StringBuilder xml, String name, String value) {
        xml.append("  <").append(name).append('>').append(escape(value)).append("</").append(name).append(">\n");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
