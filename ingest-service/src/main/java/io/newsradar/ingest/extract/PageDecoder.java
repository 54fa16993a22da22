package io.newsradar.ingest.extract;

import io.newsradar.ingest.encoding.DocumentCharset;
import java.net.URI;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Decodes page bytes once, up to a size ({@link DocumentCharset#ofPage}: byte order mark, then the Content-Type
 * header, then {@code <meta charset>}, then UTF-8 or windows-1252), and parses the text into a document bounded in
 * depth.
 */
final class PageDecoder {

    private PageDecoder() {
    }

    /** At most {@code settings.maxPageBytes()} of the page, as text. */
    static String text(byte[] html, String contentType, ExtractionSettings settings) {
        return DocumentCharset.ofPage(html, contentType).decode(html, settings.maxPageBytes());
    }

    /**
     * Parses the page's text and lifts what lies deeper than {@code settings.maxDepth()} into the element at that
     * depth, so that every later pass is bounded by the page's size alone.
     */
    static Document parse(URI pageUrl, String text, ExtractionSettings settings, Budget budget) {
        Document doc = Jsoup.parse(text, pageUrl.toString());
        budget.check();
        Dom.boundDepth(doc, settings.maxDepth(), budget);
        return doc;
    }
}
