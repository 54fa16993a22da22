package io.newsradar.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Documents nested deeper than ROME and JDOM can walk without overflowing their stack are refused before any tree is
 * built, whatever the nesting is made of and wherever it hides; documents nested within the limit still parse.
 */
class NestingDepthTest {

    private static final URI SOURCE = URI.create("https://deep.example/feed");
    private static final int LEVELS = 20_000;

    private final FeedParser parser = new FeedParser(new FeedParser.Limits(Duration.ofSeconds(10), 64, 100));

    record Deep(String name, String document, String contentType) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Deep> tooDeep() {
        return Stream.of(
                new Deep("Atom xhtml content", atom("<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">"
                        + nested("<div>", "</div>") + "</div></content>"), "application/atom+xml"),
                new Deep("prefixed elements with attributes", atom("<content type=\"xhtml\"><x:div xmlns:x=\"http://www.w3.org/1999/xhtml\">"
                        + nested("<x:span class='a>b' title=\"/\">", "</x:span>") + "</x:div></content>"), null),
                new Deep("RSS extension elements in an item", rss(nested("<ext:node xmlns:ext=\"urn:x\">", "</ext:node>")), null),
                new Deep("non-ASCII element names", rss(nested("<tầng>", "</tầng>")), "text/xml; charset=utf-8"),
                new Deep("nesting behind a CDATA section ending in ]]]>", rss("<description><![CDATA[a]]]]]>x</description>"
                        + nested("<b>", "</b>")), null),
                new Deep("nesting behind a comment ending in --->", rss("<!-- note --->" + nested("<i>", "</i>")), null),
                new Deep("nesting behind self-closing siblings", rss(nested("<p><br/>", "</p>")), null),
                new Deep("JSON Feed nested arrays", "{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[{\"x\":"
                        + "[".repeat(LEVELS) + "]".repeat(LEVELS) + "}]}", "application/feed+json"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tooDeep")
    void refusesADocumentNestedDeeperThanTheLimitNamingTheLimitAndWhere(Deep c) {
        FeedParseException e = catchThrowableOfType(FeedParseException.class,
                () -> parser.parse(SOURCE, c.document().getBytes(StandardCharsets.UTF_8), c.contentType()));

        assertThat(e).as("refused, not a stack overflow").isNotNull();
        assertThat(e.getMessage()).startsWith(SOURCE.toString()).contains("64");
    }

    @Test
    void saysOnWhichLineAndColumnTheElementPastTheLimitStands() {
        String document = atom("\n<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">"
                + nested("<div>", "</div>") + "</div></content>");

        FeedParseException e = catchThrowableOfType(FeedParseException.class,
                () -> parser.parse(SOURCE, document.getBytes(StandardCharsets.UTF_8)));

        assertThat(e.getMessage()).isEqualTo(SOURCE + " nests its elements more than 64 deep (at line 2, column 365);"
                + " newsradar reads feeds nested at most 64 levels deep (newsradar.ingest.max-xml-depth)");
    }

    @Test
    void readsADocumentNestedWithinTheLimit() throws Exception {
        String document = atom("<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">"
                + "<div>".repeat(50) + "Nội dung" + "</div>".repeat(50) + "</div></content>");

        ParsedFeed feed = parser.parse(SOURCE, document.getBytes(StandardCharsets.UTF_8));

        assertThat(feed.items()).singleElement().satisfies(item -> assertThat(item.content()).isEqualTo("Nội dung"));
    }

    @Test
    void readsOnlyTheFirstItemsOfALongDocumentAndSaysHowManyItHad() throws Exception {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 250; i++) {
            items.append("<item><title>Tin ").append(i).append("</title><link>https://deep.example/").append(i)
                    .append("</link></item>");
        }

        String document = "<rss version=\"2.0\"><channel><title>Long</title><link>https://deep.example/</link>"
                + "<description>d</description>" + items + "</channel></rss>";

        ParsedFeed feed = parser.parse(SOURCE, document.getBytes(StandardCharsets.UTF_8));

        assertThat(feed.items()).hasSize(100);
        assertThat(feed.items().get(0).title()).isEqualTo("Tin 0");
        assertThat(feed.itemsInDocument()).isEqualTo(250);
        assertThat(feed.itemsCut()).isTrue();
    }

    private static String nested(String open, String close) {
        return open.repeat(LEVELS) + "x" + close.repeat(LEVELS);
    }

    private static String atom(String content) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Deep</title>"
                + "<id>urn:deep</id><updated>2026-11-20T00:00:00Z</updated><entry><title>One</title><id>urn:deep:1</id>"
                + "<link href=\"https://deep.example/1\"/><updated>2026-11-20T00:00:00Z</updated>" + content
                + "</entry></feed>";
    }

    private static String rss(String inItem) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Deep</title>"
                + "<link>https://deep.example/</link><description>d</description><item><title>One</title>"
                + "<link>https://deep.example/1</link>" + inItem + "</item></channel></rss>";
    }
}
