package io.newsradar.ingest.parse;

import static io.newsradar.ingest.parse.FeedParserTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.io.XmlReader;
import io.newsradar.ingest.encoding.DocumentCharset;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.text.Normalizer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Decoding per RFC 7303: BOM, then HTTP charset, then XML declaration, then UTF-8 or windows-1252. */
class FeedCharsetTest {

    private final FeedParser parser = new FeedParser();

    record CharsetCase(String name, String fixture, String contentType, String title) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<CharsetCase> charsets() {
        return Stream.of(
                new CharsetCase("windows-1258 from the XML declaration, composed to NFC", "rss2-vi-windows-1258.xml", null,
                        "Doanh nghiệp Nhật Bản khảo sát khu công nghiệp ở Bắc Giang"),
                new CharsetCase("windows-1258 when the header names no charset", "rss2-vi-windows-1258.xml",
                        "application/rss+xml", "Doanh nghiệp Nhật Bản khảo sát khu công nghiệp ở Bắc Giang"),
                new CharsetCase("ISO-8859-1 from the XML declaration", "rss2-fr-iso-8859-1.xml", null,
                        "Coopération économique : Tokyo et Hanoï signent un accord à Hué"),
                new CharsetCase("the HTTP charset beats a contradicting XML declaration",
                        "rss2-header-contradicts-prolog.xml", "text/xml; charset=ISO-8859-1",
                        "Salaires : hausse générale pour les travailleurs vietnamiens à Nagoya"),
                new CharsetCase("a quoted, upper-case HTTP charset", "rss2-header-contradicts-prolog.xml",
                        "application/rss+xml;Charset=\"ISO-8859-1\"",
                        "Salaires : hausse générale pour les travailleurs vietnamiens à Nagoya"),
                new CharsetCase("no label anywhere and bytes that are not UTF-8: windows-1252",
                        "rss2-fr-undeclared-latin1.xml", null,
                        "Formation professionnelle : des échanges réguliers entre Lyon et Da Nang"),
                new CharsetCase("a UTF-16 byte order mark beats the HTTP charset", "atom-fr-utf-16le-bom.xml",
                        "application/atom+xml; charset=UTF-8", "Hanoï et Ōsaka jumelées : « une amitié durable »"),
                new CharsetCase("text/xml without charset is not US-ASCII (RFC 7303)", "rss2-vi-kinh-te.xml", "text/xml",
                        "Doanh nghiệp tỉnh Gunma tìm hiểu cơ hội đầu tư tại Bắc Giang"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("charsets")
    void decodesTitlesToTheExpectedUnicode(CharsetCase c) throws Exception {
        ParsedFeed feed = parser.parse(URI.create("https://charset.example/feed"), fixture(c.fixture()), c.contentType());

        assertThat(feed.items().get(0).title()).isEqualTo(c.title());
    }

    @Test
    void windows1258TonesAreCombiningMarksInTheBytesButComposedInTheItem() throws Exception {
        byte[] document = fixture("rss2-vi-windows-1258.xml");
        String raw = new String(document, Charset.forName("windows-1258"));

        ParsedFeed feed = parser.parse(URI.create("https://bacgiang.example.vn/rss"), document);

        assertThat(Normalizer.isNormalized(raw, Normalizer.Form.NFC)).as("the fixture spells tones as marks").isFalse();
        assertThat(raw).doesNotContain("Bắc Giang");
        String utf8Spelling = parser.parse(URI.create("https://news.example.vn/rss"), fixture("rss2-vi-kinh-te.xml"))
                .items().get(0).title();
        String title = feed.items().get(0).title();
        assertThat(title.substring(title.lastIndexOf("B"))).isEqualTo(utf8Spelling.substring(utf8Spelling.lastIndexOf("B")));
        assertThat(feed.title()).isEqualTo("Tin tỉnh Bắc Giang");
        assertThat(feed.items().get(0).summary()).isEqualTo("Đoàn công tác gồm mười hai nhà đầu tư đến từ tỉnh Gunma.");
    }

    @Test
    void readsAnIso88591LabelAsWindows1252SoItsCurlyCharactersSurvive() throws Exception {
        ParsedFeed feed = parser.parse(URI.create("https://eco.example.fr/rss"), fixture("rss2-fr-iso-8859-1.xml"));

        assertThat(feed.items().get(0).summary()).isEqualTo("Un accord qui met à l'œuvre deux agences de développement.");
    }

    @Test
    void withoutTheHeaderTheWrongDeclarationWouldBeBelievedSoTheHeaderIsWhatDecides() throws Exception {
        ParsedFeed feed = parser.parse(URI.create("https://travail.example.fr/rss"),
                fixture("rss2-header-contradicts-prolog.xml"), null);

        assertThat(feed.items().get(0).title()).contains("\uFFFD").doesNotContain("générale");
    }

    @Test
    void romesLenientXmlReaderLetsTheDeclarationBeatTheHeaderWhichIsWhyItIsNotUsed() throws Exception {
        byte[] document = fixture("rss2-header-contradicts-prolog.xml");

        try (XmlReader lenient = new XmlReader(new ByteArrayInputStream(document), "text/xml; charset=ISO-8859-1", true)) {
            assertThat(lenient.getEncoding()).isEqualTo("UTF-8");
        }
        assertThat(DocumentCharset.ofFeed(document, "text/xml; charset=ISO-8859-1").reason()).isEqualTo("HTTP charset");
    }
}
