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

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = OpmlFeedsTest.class.getResourceAsStream("/opml/" + name)) {
            return in.readAllBytes();
        }
    }
}
