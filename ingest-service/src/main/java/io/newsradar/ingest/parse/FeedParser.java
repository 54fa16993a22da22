package io.newsradar.ingest.parse;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.Date;
import java.util.List;
import org.jsoup.Jsoup;

/**
 * Reads RSS 0.9x/1.0/2.0 and Atom documents with ROME. Document type declarations are refused (ROME's default), so
 * entity expansion and external entities cannot be used against the service. Relative links are resolved against the
 * feed's URL; markup in titles, summaries and content is reduced to text.
 */
public class FeedParser {

    public ParsedFeed parse(URI source, byte[] document) throws FeedParseException {
        SyndFeed feed;
        try (XmlReader reader = new XmlReader(new ByteArrayInputStream(document), true)) {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            feed = input.build(reader);
        } catch (FeedException | IOException | IllegalArgumentException e) {
            throw new FeedParseException(source + " is not a readable RSS or Atom feed: " + rootMessage(e), e);
        }
        List<FeedItem> items = feed.getEntries().stream().map(entry -> item(source, entry)).toList();
        return new ParsedFeed(blankToNull(text(feed.getTitle())), blankToNull(feed.getLanguage()), items);
    }

    private static FeedItem item(URI source, SyndEntry entry) {
        String summary = entry.getDescription() == null ? "" : text(entry.getDescription().getValue());
        String content = entry.getContents().stream().map(SyndContent::getValue).map(FeedParser::text)
                .reduce((a, b) -> a + "\n\n" + b).orElse("");
        Date published = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        return new FeedItem(
                text(entry.getTitle()),
                resolve(source, entry.getLink()),
                blankToNull(entry.getUri()),
                summary,
                content,
                published == null ? null : published.toInstant(),
                entry.getCategories().stream().map(SyndCategory::getName).filter(n -> n != null && !n.isBlank()).toList());
    }

    private static String resolve(URI source, String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        try {
            return source.resolve(link.trim()).toString();
        } catch (IllegalArgumentException e) {
            return link.trim();
        }
    }

    /** Text of a fragment that may hold markup or entities. */
    static String text(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        return Jsoup.parse(html).text().trim();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return root == e ? message : e.getMessage() + " (" + message + ")";
    }
}
