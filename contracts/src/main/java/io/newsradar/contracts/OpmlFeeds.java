package io.newsradar.contracts;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the feeds of an OPML subscription list: every {@code outline} with an {@code xmlUrl}, at any depth. The feed
 * id is the outline's {@code newsradarId} attribute when it has one, else a slug of the feed URL's host and path. A
 * document type declaration is refused, so an OPML file cannot expand entities or read files.
 */
public final class OpmlFeeds {

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

    /** @throws IllegalArgumentException when the document is not OPML at all */
    public static Result read(byte[] document, String sourceName) {
        Element root;
        try {
            root = builder().parse(new ByteArrayInputStream(document)).getDocumentElement();
        } catch (SAXException | IOException e) {
            throw new IllegalArgumentException(sourceName + " is not a readable OPML document: " + e.getMessage(), e);
        }
        if (!root.getTagName().equalsIgnoreCase("opml")) {
            throw new IllegalArgumentException(sourceName + " is not OPML: its root element is <" + root.getTagName() + ">");
        }
        List<FeedSpec> feeds = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        NodeList outlines = root.getElementsByTagName("outline");
        for (int i = 0; i < outlines.getLength(); i++) {
            Element outline = (Element) outlines.item(i);
            String url = outline.getAttribute("xmlUrl").trim();
            if (url.isEmpty()) {
                continue;
            }
            String title = firstNonBlank(outline.getAttribute("title"), outline.getAttribute("text"));
            String where = "outline " + (i + 1) + (title == null ? "" : " ('" + title + "')");
            try {
                String id = firstNonBlank(outline.getAttribute("newsradarId"), slug(url));
                if (!ids.add(id)) {
                    problems.add(where + ": feed id '" + id + "' is already used by an earlier outline; skipped");
                    continue;
                }
                String language = firstNonBlank(outline.getAttribute("language"), inheritedLanguage(outline));
                feeds.add(new FeedSpec(FeedSpec.SCHEMA_VERSION, id, url, title, language, null,
                        "true".equalsIgnoreCase(outline.getAttribute("newsradarFullArticle")), true));
            } catch (IllegalArgumentException e) {
                problems.add(where + ": " + e.getMessage());
            }
        }
        return new Result(feeds, problems);
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

    private static String inheritedLanguage(Element outline) {
        for (Node n = outline.getParentNode(); n instanceof Element parent; n = parent.getParentNode()) {
            String language = parent.getAttribute("language");
            if (!language.isBlank()) {
                return language.trim();
            }
        }
        return null;
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a.trim();
        }
        return b == null || b.isBlank() ? null : b.trim();
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler() {
                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks the features a safe OPML read needs", e);
        }
    }
}
