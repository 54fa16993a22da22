package io.newsradar.ingest.parse;

import static io.newsradar.ingest.parse.FeedParserTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.newsradar.testsupport.FeedServer;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jdom2.JDOMException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Documents that are not feeds, or are built to hurt: each fails fast with a message that says what and where. */
class HostileDocumentTest {

    private static final Duration BOUND = Duration.ofSeconds(2);

    private final FeedParser parser = new FeedParser(BOUND);

    record Refusal(String name, String fixture, String contentType, String source, String message) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Refusal> refusals() {
        return Stream.of(
                new Refusal("billion laughs: the DOCTYPE is refused before anything expands", "rss2-billion-laughs.xml",
                        "application/rss+xml", "https://evil.example/rss",
                        "https://evil.example/rss declares a DOCTYPE, which is refused"),
                new Refusal("XXE: the DOCTYPE is refused before any file is read", "rss2-xxe-local-file.xml", null,
                        "https://evil.example/leak.xml", "https://evil.example/leak.xml declares a DOCTYPE, which is refused"),
                new Refusal("an HTML page names the feeds it advertises, resolved", "html-advertises-feeds.html",
                        "text/html; charset=utf-8", "https://news.example.vn/",
                        "https://news.example.vn/ is an HTML page, not a feed; it advertises "
                                + "https://news.example.vn/rss/tin-moi.rss, https://news.example.vn/atom/dau-tu.xml"),
                new Refusal("an HTML page served as RSS is still an HTML page", "not-a-feed.html", "application/rss+xml",
                        "https://news.example.vn/", "https://news.example.vn/ is an HTML page, not a feed, and it advertises no feed"),
                new Refusal("malformed XML gives line and column", "rss2-malformed.xml", null, "https://broken.example/rss",
                        "https://broken.example/rss is not well-formed XML at line 7, column"),
                new Refusal("XML that is no feed names its root element", "sitemap-not-a-feed.xml", null,
                        "https://news.example.vn/sitemap.xml",
                        "https://news.example.vn/sitemap.xml is XML but not RSS, RDF or Atom: its root element is <urlset>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusesWithAMessageThatSaysWhatAndWhereWellWithinTheTimeBound(Refusal c) throws Exception {
        byte[] document = fixture(c.fixture());
        long start = System.nanoTime();

        FeedParseException e = catchThrowableOfType(FeedParseException.class,
                () -> parser.parse(URI.create(c.source()), document, c.contentType()));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).startsWith(c.message()).doesNotContain("root:x:0:0").doesNotContain("lollollol");
    }

    @Test
    void refusesADoctypeSoAnExternalEntityCannotReadALocalFile(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "SECRET-7f3a9c-NOT-FOR-FEEDS");
        String attack = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY secret SYSTEM "%s">]>
                <rss version="2.0"><channel><title>&secret;</title><link>https://evil.example/</link>
                <description>d</description><item><title>&secret;</title></item></channel></rss>
                """.formatted(secret.toUri());
        String leaked = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(attack.getBytes(StandardCharsets.UTF_8))).getDocumentElement().getTextContent();
        assertThat(leaked).as("control: a permissive parser leaks the file").contains("SECRET-7f3a9c");

        FeedParseException e = catchThrowableOfType(FeedParseException.class,
                () -> parser.parse(URI.create("https://evil.example/rss"), attack.getBytes(StandardCharsets.UTF_8)));

        assertThat(e.getMessage()).startsWith("https://evil.example/rss declares a DOCTYPE, which is refused");
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain("SECRET-7f3a9c");
        }
    }

    @Test
    void refusesADoctypeHiddenBehindALongCommentThroughRomesOwnRefusal() throws Exception {
        String attack = "<?xml version=\"1.0\"?>\n<!--" + "x".repeat(20_000) + "-->\n"
                + new String(fixture("rss2-xxe-local-file.xml"), StandardCharsets.UTF_8).replaceFirst("<\\?xml[^>]*>", "");

        assertThatThrownBy(() -> parser.parse(URI.create("https://evil.example/rss"), attack.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FeedParseException.class).hasCauseInstanceOf(JDOMException.class)
                .hasMessageStartingWith("https://evil.example/rss declares a DOCTYPE, which is refused")
                .hasMessageNotContaining("root:x:0:0");
    }

    @Test
    void romesOwnDoctypeRefusalBlocksBothAttacksEvenWithoutOurCheck() throws Exception {
        for (String attack : new String[] {"rss2-billion-laughs.xml", "rss2-xxe-local-file.xml"}) {
            String xml = new String(fixture(attack), StandardCharsets.UTF_8);
            assertThatThrownBy(() -> XmlFeedReader.hardenedSaxBuilder().build(new StringReader(xml)))
                    .as(attack).isInstanceOf(JDOMException.class).hasMessageContaining("DOCTYPE")
                    .hasMessageNotContaining("root:x:0:0");
        }
        String plain = new String(fixture("rss2-items-without-link.xml"), StandardCharsets.UTF_8);
        assertThat(XmlFeedReader.hardenedSaxBuilder().build(new StringReader(plain)).getRootElement().getName())
                .as("control: the builder reads a feed").isEqualTo("rss");
    }

    @Test
    void fetchesNoExternalDtdOrStylesheet() throws Exception {
        try (FeedServer server = FeedServer.start()) {
            server.route("/rss.dtd").body("application/xml-dtd", "<!ENTITY injected \"from the network\">");
            server.route("/style.xsl").body("application/xslt+xml", "<xsl:stylesheet/>");
            String withDtd = """
                    <?xml version="1.0"?>
                    <!DOCTYPE rss SYSTEM "%s">
                    <rss version="2.0"><channel><title>&injected;</title></channel></rss>
                    """.formatted(server.url("/rss.dtd"));
            String withStylesheet = """
                    <?xml version="1.0"?>
                    <?xml-stylesheet type="text/xsl" href="%s"?>
                    <rss version="2.0"><channel><title>Styled</title><link>https://s.example/</link><description>d</description>
                    <item><title>One</title><link>https://s.example/1</link></item></channel></rss>
                    """.formatted(server.url("/style.xsl"));

            assertThatThrownBy(() -> parser.parse(URI.create("https://s.example/dtd"), withDtd.getBytes(StandardCharsets.UTF_8)))
                    .hasMessageStartingWith("https://s.example/dtd declares a DOCTYPE, which is refused");
            assertThatThrownBy(() -> XmlFeedReader.hardenedSaxBuilder().build(new StringReader(withDtd)))
                    .isInstanceOf(JDOMException.class);
            ParsedFeed styled = parser.parse(URI.create("https://s.example/rss"), withStylesheet.getBytes(StandardCharsets.UTF_8));

            assertThat(styled.items()).hasSize(1);
            assertThat(server.requests("/rss.dtd")).isEmpty();
            assertThat(server.requests("/style.xsl")).isEmpty();
        }
    }

    @Test
    void abandonsAnXmlParseOnceItsTimeBoundPasses() throws Exception {
        byte[] large = largeRss(20_000);
        FeedParser hurried = new FeedParser(Duration.ofMillis(5));
        long start = System.nanoTime();

        assertThatThrownBy(() -> hurried.parse(URI.create("https://big.example/rss"), large))
                .isInstanceOf(FeedParseException.class)
                .hasMessage("https://big.example/rss was not parsed within its time bound of 5 ms; parse abandoned");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        assertThat(new FeedParser(new FeedParser.Limits(Duration.ofSeconds(60), 256, 20_000))
                .parse(URI.create("https://big.example/rss"), large).items())
                .as("control: the document itself is a good feed").hasSize(20_000);
    }

    @Test
    void abandonsAJsonParseOnceItsTimeBoundPasses() {
        StringBuilder json = new StringBuilder("{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"Big\",\"items\":[");
        for (int i = 0; i < 100_000; i++) {
            json.append(i == 0 ? "" : ",").append("{\"id\":\"").append(i).append("\",\"title\":\"Tin số ").append(i)
                    .append("\",\"content_text\":\"Nội dung bài viết về lao động và đầu tư.\"}");
        }
        byte[] large = json.append("]}").toString().getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> new FeedParser(Duration.ofMillis(5)).parse(URI.create("https://big.example/feed.json"), large))
                .hasMessage("https://big.example/feed.json was not parsed within its time bound of 5 ms; parse abandoned");
    }

    record JsonCase(String name, String json, String message) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<JsonCase> badJson() {
        return Stream.of(
                new JsonCase("JSON that is no JSON Feed", "{\"name\": \"newsradar\"}",
                        "https://j.example/feed.json is JSON but not a JSON Feed: its \"version\" is null"),
                new JsonCase("broken JSON gives line and column", "{\n  \"version\": \"https://jsonfeed.org/version/1.1\",\n  \"items\": [\n}",
                        "https://j.example/feed.json is not valid JSON at line 4, column 1"),
                new JsonCase("a JSON array is no feed", "[1, 2]",
                        "https://j.example/feed.json is JSON but not a JSON Feed: its \"version\" is null"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badJson")
    void refusesJsonThatIsNoJsonFeed(JsonCase c) {
        assertThatThrownBy(() -> parser.parse(URI.create("https://j.example/feed.json"),
                c.json().getBytes(StandardCharsets.UTF_8), "application/json"))
                .isInstanceOf(FeedParseException.class).hasMessageStartingWith(c.message());
    }

    @Test
    void saysAnEmptyDocumentIsEmpty() {
        assertThatThrownBy(() -> parser.parse(URI.create("https://e.example/rss"), " \n".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("https://e.example/rss is an empty document, not a feed");
    }

    private static byte[] largeRss(int items) {
        StringBuilder rss = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
                + "<title>Big</title><link>https://big.example/</link><description>d</description>");
        for (int i = 0; i < items; i++) {
            rss.append("<item><title>Tin số ").append(i).append("</title><link>https://big.example/a/").append(i)
                    .append("</link><description>&lt;p&gt;Nội dung về lao động và đầu tư Việt Nam – Nhật Bản.&lt;/p&gt;")
                    .append("</description></item>");
        }
        return rss.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
    }
}
