package io.newsradar.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OpmlFeedsTest {

    @Test
    void readsEveryOutlineWithAFeedUrlAtAnyDepthWithInheritedLanguageAndDerivedIds() throws IOException {
        OpmlFeeds.Result result = OpmlFeeds.read(fixture("subscriptions.opml"), "subscriptions.opml");

        assertThat(result.feeds()).extracting(FeedSpec::feedId).containsExactly(
                "tin-mekong-example-vn-rss-kinh-te-rss", "tin-mekong-example-vn-rss-lao-dong-rss", "asia-wire-business");
        assertThat(result.feeds().get(0).languageHint()).isEqualTo("vi");
        assertThat(result.feeds().get(0).title()).isEqualTo("Kinh tế đối ngoại");
        assertThat(result.feeds().get(1).fetchFullArticle()).isTrue();
        assertThat(result.feeds().get(2).title()).isEqualTo("Asia Wire – Business");
        assertThat(result.feeds().get(2).languageHint()).isEqualTo("en");
    }

    @Test
    void reportsEachOutlineItCannotUseByPositionAndTitle() throws IOException {
        OpmlFeeds.Result result = OpmlFeeds.read(fixture("subscriptions.opml"), "subscriptions.opml");

        assertThat(result.problems()).hasSize(2);
        assertThat(result.problems().get(0)).startsWith("outline 5 ('Actualités Asie'): ").contains("http(s)");
        assertThat(result.problems().get(1)).startsWith("outline 6 ('Doublon'): ")
                .contains("'tin-mekong-example-vn-rss-kinh-te-rss' is already used");
    }

    @Test
    void refusesADoctypeSoAListCannotExpandEntitiesOrReadFiles() {
        String hostile = """
                <?xml version="1.0"?>
                <!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <opml version="2.0"><body><outline text="&x;" xmlUrl="https://example.com/rss"/></body></opml>
                """;

        assertThatThrownBy(() -> OpmlFeeds.read(hostile.getBytes(StandardCharsets.UTF_8), "hostile.opml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("hostile.opml is not a readable OPML document")
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void saysWhenADocumentIsNotOpml() {
        assertThatThrownBy(() -> OpmlFeeds.read("<rss version=\"2.0\"/>".getBytes(StandardCharsets.UTF_8), "feed.xml"))
                .hasMessage("feed.xml is not OPML: its root element is <rss>");
    }

    @Test
    void refusesOutlinesNestedPastTheDepthBoundSayingWhere() {
        byte[] deep = ("<opml version=\"2.0\"><body>" + "<outline text=\"folder\">".repeat(24_000)
                + "</outline>".repeat(24_000) + "</body></opml>").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> OpmlFeeds.read(deep, "deep.opml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("deep.opml nests elements deeper than 64 levels (line 1)");
    }

    @Test
    void readsAListAtTheDepthBoundAndInheritsTheLanguageDownIt() {
        String open = "<outline text=\"folder\">".repeat(OpmlFeeds.MAX_DEPTH - 4);
        byte[] document = ("<opml version=\"2.0\"><body language=\"vi\">" + open
                + "<outline text=\"Tin\" xmlUrl=\"https://tin.example.vn/rss\"/>"
                + "</outline>".repeat(OpmlFeeds.MAX_DEPTH - 4) + "</body></opml>").getBytes(StandardCharsets.UTF_8);

        OpmlFeeds.Result result = OpmlFeeds.read(document, "deep.opml");

        assertThat(result.feeds()).singleElement().satisfies(feed -> {
            assertThat(feed.feedId()).isEqualTo("tin-example-vn-rss");
            assertThat(feed.languageHint()).isEqualTo("vi");
        });
    }

    @Test
    void refusesMoreOutlinesThanItsBound() {
        byte[] wide = ("<opml version=\"2.0\"><body>" + "<outline text=\"x\"/>".repeat(OpmlFeeds.MAX_OUTLINES + 1)
                + "</body></opml>").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> OpmlFeeds.read(wide, "wide.opml"))
                .hasMessage("wide.opml holds more than 10000 outlines; import it in parts");
    }

    @Test
    void readsEveryFeedOfAListAtTheOutlineBound() {
        StringBuilder document = new StringBuilder("<opml version=\"2.0\"><body>");
        for (int i = 0; i < OpmlFeeds.MAX_OUTLINES; i++) {
            document.append("<outline text=\"f").append(i).append("\" xmlUrl=\"https://e.example/").append(i).append("\"/>");
        }
        document.append("</body></opml>");

        OpmlFeeds.Result result = OpmlFeeds.read(document.toString().getBytes(StandardCharsets.UTF_8), "big.opml");

        assertThat(result.feeds()).hasSize(OpmlFeeds.MAX_OUTLINES);
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void refusesAnUndeclaredEntityAsUnreadable() {
        byte[] document = "<opml version=\"2.0\"><body><outline text=\"&x;\" xmlUrl=\"https://e.example/r\"/></body></opml>"
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> OpmlFeeds.read(document, "entity.opml"))
                .hasMessageStartingWith("entity.opml is not a readable OPML document: ");
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = OpmlFeedsTest.class.getResourceAsStream("/opml/" + name)) {
            return in.readAllBytes();
        }
    }
}
