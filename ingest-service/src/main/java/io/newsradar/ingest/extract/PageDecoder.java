package io.newsradar.ingest.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Decodes page bytes, up to a size and depth: the charset of the Content-Type header when it names one Java knows, else a byte order mark,
 * else {@code <meta charset>} or {@code http-equiv} (jsoup's sniffing), else UTF-8.
 */
final class PageDecoder {

    private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*[\"']?([^\"';\\s]+)");

    private PageDecoder() {
    }

    /**
     * Parses at most {@code settings.maxPageBytes()} of the page and lifts what lies deeper than
     * {@code settings.maxDepth()} into the element at that depth, so that every later pass is bounded by the page's
     * size alone.
     */
    static Document decode(URI pageUrl, byte[] html, String contentType, ExtractionSettings settings, Budget budget) {
        Document doc;
        try {
            doc = Jsoup.parse(new ByteArrayInputStream(html, 0, Math.min(html.length, settings.maxPageBytes())),
                    headerCharset(contentType), pageUrl.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        budget.check();
        Dom.boundDepth(doc, settings.maxDepth(), budget);
        return doc;
    }

    /** The charset named by the header if Java supports it, else {@code null} so that jsoup sniffs. */
    static String headerCharset(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher m = CHARSET.matcher(contentType);
        if (!m.find()) {
            return null;
        }
        String name = m.group(1).trim().toLowerCase(Locale.ROOT);
        try {
            return Charset.isSupported(name) ? Charset.forName(name).name() : null;
        } catch (IllegalCharsetNameException e) {
            return null;
        }
    }
}
