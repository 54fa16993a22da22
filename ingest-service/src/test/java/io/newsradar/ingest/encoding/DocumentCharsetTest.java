package io.newsradar.ingest.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** One order for feeds and pages: byte order mark, then the HTTP charset, then the document's own label, then the bytes. */
class DocumentCharsetTest {

    private static final String VI_TITLE = "Nông sản Đắk Lắk lên kệ siêu thị Ōsaka";
    private static final String FR_TITLE = "Une école de Hué accueille des élèves de Kyōto";
    private static final String FR_1252_TITLE = "Un café à Hanoï : « la fête des récoltes »";

    record PageCase(String name, String fixture, String contentType, String charset, String reason, String title) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<PageCase> pages() {
        return Stream.of(
                new PageCase("a UTF-8 BOM beats the header and the meta", "page-utf8-bom-against-header-and-meta.html",
                        "text/html; charset=ISO-8859-1", "UTF-8", DocumentCharset.BOM, VI_TITLE),
                new PageCase("a UTF-16LE BOM beats the header", "page-utf16le-bom-against-header.html",
                        "text/html; charset=utf-8", "UTF-16LE", DocumentCharset.BOM, FR_TITLE),
                new PageCase("the header beats the meta", "page-header-against-meta.html", "text/html; charset=UTF-8",
                        "UTF-8", DocumentCharset.HTTP_CHARSET, VI_TITLE),
                new PageCase("the meta decides when the header names no charset", "page-meta-windows-1252.html",
                        "text/html", "windows-1252", DocumentCharset.META, FR_1252_TITLE),
                new PageCase("a header naming US-ASCII is passed over for the meta", "page-meta-windows-1252.html",
                        "text/html; charset=us-ascii", "windows-1252", DocumentCharset.META, FR_1252_TITLE),
                new PageCase("a meta naming UTF-16 over bytes that are not is read as UTF-8",
                        "page-meta-utf-16-over-utf8.html", null, "UTF-8", DocumentCharset.META, VI_TITLE),
                new PageCase("no label and bytes that are not UTF-8: windows-1252", "page-unlabelled-windows-1252.html",
                        null, "windows-1252", "not UTF-8, so windows-1252", FR_1252_TITLE),
                new PageCase("a meta past the first 1,024 bytes is not looked for", "page-meta-past-the-prescan.html",
                        null, "UTF-8", "default UTF-8", VI_TITLE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void decidesAPagesEncodingInOneOrder(PageCase c) {
        byte[] page = fixture(c.fixture());

        DocumentCharset charset = DocumentCharset.ofPage(page, c.contentType());

        assertThat(charset.charset()).isEqualTo(Charset.forName(c.charset()));
        assertThat(charset.reason()).isEqualTo(c.reason());
        assertThat(charset.decode(page, page.length)).contains("<title>" + c.title() + "</title>").doesNotStartWith("\uFEFF");
    }

    @Test
    void aFeedAndAPageWithTheSameBomAndHeaderAreDecidedAlike() {
        byte[] feed = fixture("feed-utf8-bom-against-header-and-declaration.xml");
        byte[] page = fixture("page-utf8-bom-against-header-and-meta.html");

        DocumentCharset ofFeed = DocumentCharset.ofFeed(feed, "application/rss+xml; charset=windows-1252");
        DocumentCharset ofPage = DocumentCharset.ofPage(page, "text/html; charset=windows-1252");

        assertThat(ofFeed).isEqualTo(ofPage);
        assertThat(ofFeed.bomLength()).isEqualTo(3);
        assertThat(ofFeed.decode(feed, feed.length)).startsWith("<?xml").contains(VI_TITLE);
    }

    @Test
    void aFeedsHeaderBeatsItsDeclarationAsAPagesHeaderBeatsItsMeta() {
        byte[] page = fixture("page-header-against-meta.html");

        assertThat(DocumentCharset.ofPage(page, "text/html; charset=\"utf-8\"").reason()).isEqualTo(DocumentCharset.HTTP_CHARSET);
        assertThat(DocumentCharset.ofPage(page, "text/html").reason()).isEqualTo(DocumentCharset.META);
    }

    @Test
    void decodingStopsAtTheLengthGivenAndNeverBeforeTheMark() {
        byte[] page = fixture("page-utf8-bom-against-header-and-meta.html");
        DocumentCharset charset = DocumentCharset.ofPage(page, null);

        assertThat(charset.decode(page, 2)).isEmpty();
        assertThat(charset.decode(page, 3 + "<!DOCTYPE".length())).isEqualTo("<!DOCTYPE");
    }

    static byte[] fixture(String name) {
        try (InputStream in = DocumentCharsetTest.class.getResourceAsStream("/encoding/" + name)) {
            assertThat(in).as("fixture %s", name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
