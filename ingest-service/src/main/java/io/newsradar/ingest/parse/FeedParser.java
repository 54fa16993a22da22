package io.newsradar.ingest.parse;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Reads a fetched feed document: RSS 0.91, 0.92, 1.0 (RDF) and 2.0 and Atom 0.3 and 1.0 with ROME, and JSON Feed 1.0
 * and 1.1 with Jackson. Every text field comes out as plain text in Unicode NFC; links are absolute. One instance is
 * immutable and may be shared by any number of threads.
 *
 * <h2>Character encoding</h2>
 * XML and HTML are decoded as RFC 7303 (which obsoletes RFC 3023) orders it: a byte order mark wins, then the HTTP
 * {@code charset} parameter, then the XML declaration's {@code encoding}, then UTF-8 when the bytes are valid UTF-8
 * and windows-1252 when not. <b>When the HTTP header contradicts the XML declaration, the header wins</b> (RFC 7303
 * §3.2, as RFC 3023 §3 already said); {@code text/xml} without a charset is no longer read as US-ASCII (RFC 7303
 * §3.2 drops that default). ROME's {@code XmlReader} is not used: in lenient mode it lets the XML declaration beat the
 * header, and in strict mode it reads {@code text/xml} as US-ASCII and refuses {@code text/html}. ISO-8859-1 labels are
 * read as windows-1252, its superset. See {@link DocumentCharset}.
 *
 * <h2>Hostile documents</h2>
 * A document type declaration is refused before any parser runs, so entities can neither expand (billion laughs) nor
 * read local files or URLs (XXE); ROME's own {@code setAllowDoctypes(false)} and an entity resolver that fetches
 * nothing stand behind that. No DTD, stylesheet or other external resource is ever fetched. A parse is abandoned once
 * its time bound passes (checked on every read of the document and between items); the fetcher bounds the size.
 * An HTML page is reported as such, naming the feeds it advertises. Any failure is a {@link FeedParseException}
 * whose message starts with the document's URL.
 */
public class FeedParser {

    /** The time bound of one parse when none is given. */
    public static final Duration DEFAULT_PARSE_TIMEOUT = Duration.ofSeconds(10);

    private final Duration parseTimeout;

    public FeedParser() {
        this(DEFAULT_PARSE_TIMEOUT);
    }

    /** @param parseTimeout how long one parse may take before it is abandoned */
    public FeedParser(Duration parseTimeout) {
        Objects.requireNonNull(parseTimeout, "parseTimeout");
        if (parseTimeout.isNegative() || parseTimeout.isZero()) {
            throw new IllegalArgumentException("parseTimeout must be positive: " + parseTimeout);
        }
        this.parseTimeout = parseTimeout;
    }

    /** Same as {@link #parse(URI, byte[], String)} with no content type. */
    public ParsedFeed parse(URI source, byte[] document) throws FeedParseException {
        return parse(source, document, null);
    }

    /**
     * @param source      the feed's URL: relative links resolve against it, and errors name it
     * @param document    the response body
     * @param contentType the HTTP {@code Content-Type} header, or {@code null}
     * @throws FeedParseException when the document is no feed we can read, or its time bound passes
     */
    public ParsedFeed parse(URI source, byte[] document, String contentType) throws FeedParseException {
        Objects.requireNonNull(source, "source");
        Deadline deadline = Deadline.after(parseTimeout);
        if (document == null || isBlank(document)) {
            throw new FeedParseException(source + " is an empty document, not a feed");
        }
        try {
            DocumentCharset charset = DocumentCharset.of(document, contentType);
            return switch (DocumentKind.of(document, contentType, charset)) {
                case JSON -> JsonFeedReader.read(source, document, deadline);
                case HTML -> throw HtmlPage.notAFeed(source, document, charset);
                case DOCTYPE -> throw Failures.doctypeRefused(source, null);
                case XML -> XmlFeedReader.read(source, document, charset, deadline);
            };
        } catch (RuntimeException e) {
            throw new FeedParseException(source + " could not be read: " + e, e);
        }
    }

    private static boolean isBlank(byte[] document) {
        for (byte b : document) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }
}
