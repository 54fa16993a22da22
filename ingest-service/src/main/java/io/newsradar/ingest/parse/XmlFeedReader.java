package io.newsradar.ingest.parse;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SAXBuilder;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.WireFeedInput;
import com.rometools.rome.io.impl.XmlFixerReader;
import io.newsradar.ingest.encoding.DocumentCharset;
import io.newsradar.ingest.system.Deadline;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.jdom2.input.JDOMParseException;
import org.xml.sax.SAXException;

/** Reads RSS, RDF and Atom with ROME, from a JDOM document built by ROME's hardened SAX builder. */
final class XmlFeedReader {

    private XmlFeedReader() {
    }

    static ParsedFeed read(URI source, byte[] document, DocumentCharset charset, Deadline deadline,
            FeedParser.Limits limits) throws FeedParseException {
        checkDepth(source, document, charset, deadline, limits.maxXmlDepth());
        Document xml = build(source, document, charset, deadline);
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            input.setPreserveWireFeed(true);
            feed = input.build(xml);
        } catch (IllegalArgumentException e) {
            throw new FeedParseException(source + " is XML but not RSS, RDF or Atom: its root element is <"
                    + xml.getRootElement().getQualifiedName() + ">", e);
        } catch (FeedException e) {
            throw new FeedParseException(source + " is not a readable RSS or Atom feed: " + e.getMessage(), e);
        }
        try {
            deadline.check();
            return SyndFeeds.toParsedFeed(source, feed, xml.getRootElement(), deadline, limits.maxItems());
        } catch (Deadline.Exceeded e) {
            throw Failures.timedOut(source, deadline, e);
        }
    }

    private static void checkDepth(URI source, byte[] document, DocumentCharset charset, Deadline deadline, int maxDepth)
            throws FeedParseException {
        int skip = charset.bomLength();
        InputStream in = deadline.guard(new ByteArrayInputStream(document, skip, document.length - skip));
        try (Reader reader = new InputStreamReader(in, charset.charset())) {
            XmlDepth.check(source, reader, maxDepth);
        } catch (Deadline.Exceeded e) {
            throw Failures.timedOut(source, deadline, e);
        } catch (IOException e) {
            throw new FeedParseException(source + " could not be read as XML: " + Failures.rootMessage(e), e);
        }
    }

    private static Document build(URI source, byte[] document, DocumentCharset charset, Deadline deadline)
            throws FeedParseException {
        int skip = charset.bomLength();
        InputStream in = deadline.guard(new ByteArrayInputStream(document, skip, document.length - skip));
        try (Reader reader = new XmlFixerReader(new InputStreamReader(in, charset.charset()))) {
            return hardenedSaxBuilder().build(reader);
        } catch (JDOMParseException e) {
            if (Failures.find(e, Deadline.Exceeded.class) != null) {
                throw Failures.timedOut(source, deadline, e);
            }
            if (Failures.rootMessage(e).contains("DOCTYPE")) {
                // a declaration further in than DocumentKind looks, refused by ROME's disallow-doctype-decl
                throw Failures.doctypeRefused(source, e);
            }
            throw new FeedParseException(source + " is not well-formed XML at line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + ": " + Failures.rootMessage(e), e);
        } catch (JDOMException | IOException e) {
            if (Failures.find(e, Deadline.Exceeded.class) != null) {
                throw Failures.timedOut(source, deadline, e);
            }
            throw new FeedParseException(source + " could not be read as XML: " + Failures.rootMessage(e), e);
        }
    }

    /**
     * ROME's SAX builder with document type declarations refused ({@code setAllowDoctypes(false)}: Xerces'
     * {@code disallow-doctype-decl}, no external entities, no external DTD), and, should a parser ever ask, an entity
     * resolver that refuses to fetch anything.
     */
    static SAXBuilder hardenedSaxBuilder() {
        SAXBuilder builder = new HardenedInput().saxBuilder();
        builder.setEntityResolver((publicId, systemId) -> {
            throw new SAXException("external entity " + systemId + " refused");
        });
        return builder;
    }

    /** Exposes ROME's own builder configuration, so that exactly what ROME hardens is what we use. */
    private static final class HardenedInput extends WireFeedInput {

        HardenedInput() {
            setAllowDoctypes(false);
        }

        SAXBuilder saxBuilder() {
            return createSAXBuilder();
        }
    }
}
