package io.newsradar.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FeedParserTest {

    private final FeedParser parser = new FeedParser();

    @Test
    void readsAVietnameseRssFeedAsPlainText() throws Exception {
        ParsedFeed feed = parser.parse(URI.create("https://news.example.vn/rss/kinh-te.rss"), fixture("rss2-vi-kinh-te.xml"));

        assertThat(feed.title()).isEqualTo("Tin Kinh tế Đối ngoại");
        assertThat(feed.language()).isEqualTo("vi");
        assertThat(feed.items()).hasSize(2);
        FeedItem first = feed.items().get(0);
        assertThat(first.title()).isEqualTo("Doanh nghiệp tỉnh Gunma tìm hiểu cơ hội đầu tư tại Bắc Giang");
        assertThat(first.summary()).isEqualTo("Đoàn 15 doanh nghiệp Nhật Bản làm việc với lãnh đạo tỉnh về khu công nghiệp.");
        assertThat(first.content()).contains("tỉnh Gunma (Nhật Bản)", "đào tạo tiếng Nhật").doesNotContain("<p>");
        assertThat(first.guid()).isEqualTo("kt-123");
        assertThat(first.categories()).containsExactly("Kinh tế", "Đầu tư");
        assertThat(first.published()).isEqualTo(Instant.parse("2026-11-17T20:15:00Z"));
    }

    @Test
    void readsAFrenchAtomFeedAndResolvesItsRelativeLinks() throws Exception {
        ParsedFeed feed = parser.parse(URI.create("https://actu.example.fr/flux/monde.atom"), fixture("atom-fr-monde.xml"));

        FeedItem entry = feed.items().get(0);
        assertThat(entry.title()).isEqualTo("Le Japon et le Vietnam renforcent leur coopération & leurs échanges");
        assertThat(entry.link()).isEqualTo("https://actu.example.fr/monde/asie/japon-vietnam-cooperation");
        assertThat(entry.guid()).isEqualTo("tag:actu.example.fr,2026:article-88");
        assertThat(entry.summary()).isEqualTo("Les deux pays signent un accord sur la formation des travailleurs.");
        assertThat(entry.published()).isEqualTo(Instant.parse("2026-11-20T07:45:00Z"));
    }

    @Test
    void refusesADocumentTypeDeclarationSoEntitiesCannotExpandOrLeakFiles() {
        assertThatThrownBy(() -> parser.parse(URI.create("https://evil.example/rss"), fixture("rss2-with-entity-expansion.xml")))
                .isInstanceOf(FeedParseException.class)
                .hasMessageStartingWith("https://evil.example/rss is not a readable RSS or Atom feed")
                .hasMessageNotContaining("root:");
    }

    @Test
    void saysWhichDocumentIsNotAFeed() {
        assertThatThrownBy(() -> parser.parse(URI.create("https://news.example.vn/"), fixture("not-a-feed.html")))
                .isInstanceOf(FeedParseException.class)
                .hasMessageStartingWith("https://news.example.vn/ is not a readable RSS or Atom feed");
    }

    @Test
    void keepsItemsThatHaveOnlyAGuid() throws Exception {
        ParsedFeed feed = parser.parse(URI.create("https://desk.example.com/rss"), fixture("rss2-items-without-link.xml"));

        assertThat(feed.items()).extracting(FeedItem::link).containsOnlyNulls();
        assertThat(feed.items()).extracting(FeedItem::guid).containsExactly("labour-desk-2026-0042", null);
    }

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = FeedParserTest.class.getResourceAsStream("/feeds/" + name)) {
            assertThat(in).as("fixture %s", name).isNotNull();
            return in.readAllBytes();
        }
    }
}
