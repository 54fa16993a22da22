package io.newsradar.contracts;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the feeds of an OPML subscription list: every {@code outline} with an {@code xmlUrl}, at any depth. The feed
 * id is the outline's {@code newsradarId} attribute when it has one, else a slug of the feed URL's host and path. A
 * document type declaration is refused, so an OPML file cannot expand entities or read files. The document is read in
 * one streaming pass (time linear in its length), elements nest at most {@link #MAX_DEPTH} levels and it holds at
 * most {@link #MAX_OUTLINES} outlines.
 */
public final class OpmlFeeds {

    /** The deepest element nesting read; past it the document is refused. */
    public static final int MAX_DEPTH = 64;
    /** The most outlines (with a feed URL or not) one document may hold; past it the document is refused. */
    public static final int MAX_OUTLINES = 10_000;

    private OpmlFeeds() {
    }

    /**
     * What a list held: the feeds it describes, and one message per outline that could not be read.
     *
     * @param feeds    in document order, ids unique
     * @param problems "outline 3 ('Tin Nhật Bản'): url must be an absolute http(s) URL…"
     */
    public record Result(List<FeedSpec> feeds, List<String> problems) {

        public Result {
            feeds = List.copyOf(feeds);
            problems = List.copyOf(problems);
        }
    }

    /**
     * @throws IllegalArgumentException when the document is not OPML at all, or passes {@link #MAX_DEPTH} or
     *                                  {@link #MAX_OUTLINES}; the message starts with {@code sourceName}
     */
    public static Result read(byte[] document, String sourceName) {
        XMLStreamReader reader;
        try {
            reader = factory().createXMLStreamReader(new ByteArrayInputStream(document));
        } catch (XMLStreamException e) {
            throw unreadable(sourceName, e);
        }
        try {
            return read(reader, sourceName);
        } catch (XMLStreamException e) {
            throw unreadable(sourceName, e);
        } finally {
            try {
                reader.close();
            } catch (XMLStreamException e) {
                // nothing is left to read
            }
        }
    }

    /** One pass over the document, element by element: time linear in its length, memory in its depth. */
    private static Result read(XMLStreamReader reader, String sourceName) throws XMLStreamException {
        List<FeedSpec> feeds = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        // The language in force at each open element: its own attribute, else its parent's.
        Deque<String> languages = new ArrayDeque<>();
        int outlines = 0;
        boolean root = true;
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.DTD) {
                throw new IllegalArgumentException(sourceName + " is not a readable OPML document: a DOCTYPE is refused");
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                languages.pop();
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = reader.getLocalName();
            if (root && !name.equalsIgnoreCase("opml")) {
                throw new IllegalArgumentException(sourceName + " is not OPML: its root element is <" + name + ">");
            }
            root = false;
            if (languages.size() >= MAX_DEPTH) {
                throw new IllegalArgumentException(sourceName + " nests elements deeper than " + MAX_DEPTH + " levels (line "
                        + reader.getLocation().getLineNumber() + "); an OPML list needs far fewer");
            }
            String inherited = languages.peek();
            String own = attribute(reader, "language");
            languages.push(own != null ? own : inherited == null ? "" : inherited);
            if (!name.equals("outline")) {
                continue;
            }
            if (++outlines > MAX_OUTLINES) {
                throw new IllegalArgumentException(sourceName + " holds more than " + MAX_OUTLINES
                        + " outlines; import it in parts");
            }
            outline(reader, outlines, inherited, feeds, problems, ids);
        }
        return new Result(feeds, problems);
    }

    private static void outline(XMLStreamReader reader, int position, String inheritedLanguage, List<FeedSpec> feeds,
            List<String> problems, Set<String> ids) {
        String url = attribute(reader, "xmlUrl");
        if (url == null) {
            return;
        }
        String title = firstNonBlank(attribute(reader, "title"), attribute(reader, "text"));
        String where = "outline " + position + (title == null ? "" : " ('" + title + "')");
        try {
            String id = firstNonBlank(attribute(reader, "newsradarId"), slug(url));
            if (!ids.add(id)) {
                problems.add(where + ": feed id '" + id + "' is already used by an earlier outline; skipped");
                return;
            }
            String language = firstNonBlank(attribute(reader, "language"), inheritedLanguage);
            feeds.add(new FeedSpec(FeedSpec.SCHEMA_VERSION, id, url, title, language, null,
                    "true".equalsIgnoreCase(attribute(reader, "newsradarFullArticle")), true));
        } catch (IllegalArgumentException e) {
            problems.add(where + ": " + e.getMessage());
        }
    }

    /** The attribute without its namespace, trimmed, or {@code null} when it is absent or blank. */
    private static String attribute(XMLStreamReader reader, String name) {
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            if (reader.getAttributeLocalName(i).equals(name)) {
                String value = reader.getAttributeValue(i).trim();
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    private static IllegalArgumentException unreadable(String sourceName, XMLStreamException e) {
        return new IllegalArgumentException(sourceName + " is not a readable OPML document: " + e.getMessage(), e);
    }

    /** {@code https://Example.vn/rss/the-gioi.rss} → {@code example-vn-rss-the-gioi-rss}, at most 100 characters. */
    static String slug(String url) {
        URI uri = URI.create(url.trim());
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        String text = host + "/" + (uri.getRawPath() == null ? "" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "-" + uri.getRawQuery());
        String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return slug.length() <= 100 ? slug : slug.substring(0, 100).replaceAll("-+$", "");
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a.trim();
        }
        return b == null || b.isBlank() ? null : b.trim();
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return factory;
    }
}
