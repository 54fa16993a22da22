package io.newsradar.ingest.parse;

import io.newsradar.ingest.encoding.DocumentCharset;
import io.newsradar.ingest.system.Deadline;
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
 * An HTML page is reported as such, naming the feeds it advertises. XML nested deeper than {@link Limits#maxXmlDepth}
 * is refused by a streaming pass before any parser builds a tree (ROME and JDOM recurse, and a deep enough document
 * overflows their stack); JSON deeper than that is refused by Jackson. Only the first {@link Limits#maxItems} items of
 * a document are read; {@link ParsedFeed#itemsInDocument()} tells how many it had. Any failure is a
 * {@link FeedParseException} whose message starts with the document's URL.
 */
public class FeedParser {

    /** The time bound of one parse when none is given. */
    public static final Duration DEFAULT_PARSE_TIMEOUT = Duration.ofSeconds(10);

    /** How deeply XML elements (or JSON values) may nest when no limit is given. */
    public static final int DEFAULT_MAX_XML_DEPTH = 256;

    /** How many items of one document are read when no limit is given. */
    public static final int DEFAULT_MAX_ITEMS = 1000;

    /**
     * What one parse may take.
     *
     * @param timeout     how long one parse may take before it is abandoned
     * @param maxXmlDepth how deeply elements may nest; a deeper document is refused
     * @param maxItems    how many items of one document are read; the rest are left unread
     */
    public record Limits(Duration timeout, int maxXmlDepth, int maxItems) {

        public Limits {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("parseTimeout must be positive: " + timeout);
            }
            if (maxXmlDepth < 8 || maxItems <= 0) {
                throw new IllegalArgumentException("the XML depth limit must be at least 8 and the item limit positive, were "
                        + maxXmlDepth + " and " + maxItems);
            }
        }
    }

    private final Limits limits;

    public FeedParser() {
        this(DEFAULT_PARSE_TIMEOUT);
    }

    /** @param parseTimeout how long one parse may take before it is abandoned; the other limits are the defaults */
    public FeedParser(Duration parseTimeout) {
        this(new Limits(parseTimeout, DEFAULT_MAX_XML_DEPTH, DEFAULT_MAX_ITEMS));
    }

    public FeedParser(Limits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
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
        Deadline deadline = Deadline.after(limits.timeout());
        if (document == null || isBlank(document)) {
            throw new FeedParseException(source + " is an empty document, not a feed");
        }
        try {
            DocumentCharset charset = DocumentCharset.ofFeed(document, contentType);
            return switch (DocumentKind.of(document, contentType, charset)) {
                case JSON -> JsonFeedReader.read(source, document, deadline, limits);
                case HTML -> throw HtmlPage.notAFeed(source, document, charset);
                case DOCTYPE -> throw Failures.doctypeRefused(source, null);
                case XML -> XmlFeedReader.read(source, document, charset, deadline, limits);
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
