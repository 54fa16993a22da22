package io.newsradar.contracts;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the feeds of an OPML subscription list: every {@code outline} with an {@code xmlUrl}, at any depth. The feed
 * id is the outline's {@code newsradarId} attribute when it has one, else a slug of the feed URL's host and path. A
 * document type declaration is refused, so an OPML file cannot expand entities or read files. The document is read in
 * one streaming (SAX) pass (time linear in its length), elements nest at most {@link #MAX_DEPTH} levels and it holds at
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
        Reader reader = new Reader(sourceName);
        try {
            parser().parse(new ByteArrayInputStream(document), reader);
        } catch (Refusal e) {
            throw e.refusal;
        } catch (SAXException | IOException e) {
            throw new IllegalArgumentException(sourceName + " is not a readable OPML document: " + e.getMessage(), e);
        }
        return new Result(reader.feeds, reader.problems);
    }

    /**
     * One pass over the document, element by element, as the parser reads it: time linear in its length, memory in
     * its depth. Each element's language is its own attribute, else its parent's.
     */
    private static final class Reader extends DefaultHandler {

        private final String sourceName;
        private final List<FeedSpec> feeds = new ArrayList<>();
        private final List<String> problems = new ArrayList<>();
        private final Set<String> ids = new HashSet<>();
        private final Deque<String> languages = new ArrayDeque<>();
        private Locator locator;
        private boolean started;
        private int outlines;

        Reader(String sourceName) {
            this.sourceName = sourceName;
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
            if (!started) {
                started = true;
                if (!qName.equalsIgnoreCase("opml")) {
                    throw new Refusal(sourceName + " is not OPML: its root element is <" + qName + ">");
                }
            }
            if (languages.size() >= MAX_DEPTH) {
                throw new Refusal(sourceName + " nests elements deeper than " + MAX_DEPTH + " levels (line "
                        + (locator == null ? "?" : locator.getLineNumber()) + "); an OPML list needs far fewer");
            }
            String inherited = languages.peek();
            String own = attribute(attributes, "language");
            languages.push(own != null ? own : inherited == null ? "" : inherited);
            if (qName.equals("outline")) {
                if (++outlines > MAX_OUTLINES) {
                    throw new Refusal(sourceName + " holds more than " + MAX_OUTLINES + " outlines; import it in parts");
                }
                outline(attributes, outlines, inherited, this);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            languages.pop();
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }
    }

    /** A limit or shape refusal raised while parsing, carried out of the parser unchanged. */
    private static final class Refusal extends SAXException {

        private static final long serialVersionUID = 1L;
        private final transient IllegalArgumentException refusal;

        Refusal(String message) {
            super(message);
            this.refusal = new IllegalArgumentException(message);
        }
    }

    private static void outline(Attributes attributes, int position, String inheritedLanguage, Reader into) {
        String url = attribute(attributes, "xmlUrl");
        if (url == null) {
            return;
        }
        String title = firstNonBlank(attribute(attributes, "title"), attribute(attributes, "text"));
        String where = "outline " + position + (title == null ? "" : " ('" + title + "')");
        try {
            String id = firstNonBlank(attribute(attributes, "newsradarId"), slug(url));
            if (!into.ids.add(id)) {
                into.problems.add(where + ": feed id '" + id + "' is already used by an earlier outline; skipped");
                return;
            }
            String language = firstNonBlank(attribute(attributes, "language"), inheritedLanguage);
            into.feeds.add(new FeedSpec(FeedSpec.SCHEMA_VERSION, id, url, title, language, null,
                    "true".equalsIgnoreCase(attribute(attributes, "newsradarFullArticle")), true));
        } catch (IllegalArgumentException e) {
            into.problems.add(where + ": " + e.getMessage());
        }
    }

    /** The attribute, trimmed, or {@code null} when it is absent or blank. */
    private static String attribute(Attributes attributes, String name) {
        String value = attributes.getValue(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.trim();
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

    private static SAXParser parser() {
        try {
            SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setXIncludeAware(false);
            SAXParser parser = factory.newSAXParser();
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return parser;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK's XML parser lacks the features a safe OPML read needs", e);
        }
    }
}
