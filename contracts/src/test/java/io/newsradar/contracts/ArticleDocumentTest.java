package io.newsradar.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ArticleDocumentTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void flattensTheTagsForFilteringAndKeepsThemWholeForDisplay() throws IOException {
        ClassifiedArticle classified = golden();

        ArticleDocument doc = ArticleDocument.of(classified);

        assertThat(doc.articleId()).isEqualTo(classified.articleId());
        assertThat(doc.pair()).isEqualTo("JP-VN");
        assertThat(doc.countries()).containsExactly("JP", "VN");
        assertThat(doc.regions()).containsExactly("VN-54");
        assertThat(doc.regionsCurrent()).containsExactly("VN-56");
        assertThat(doc.topics()).containsExactly("investment");
        assertThat(doc.tags().countries()).isEqualTo(classified.countries());
        assertThat(doc.classifierVersion()).isEqualTo("skeleton-1");
    }

    @Test
    void writesEveryTagsCodeAndScoreByKindAndReadsTheDocumentBackWithoutThem() throws IOException {
        ClassifiedArticle classified = golden();
        ArticleDocument doc = ArticleDocument.of(classified);

        tools.jackson.databind.JsonNode written = JSON.valueToTree(doc).path("confidence");

        assertThat(written.path("pair").get(0).path("code").asString()).isEqualTo("JP-VN");
        assertThat(written.path("pair").get(0).path("score").asDouble()).isEqualTo(classified.pair().confidence());
        assertThat(written.path("countries").size()).isEqualTo(classified.countries().size());
        assertThat(written.path("countries").get(0).path("score").asDouble()).isEqualTo(classified.countries().get(0).score());
        assertThat(written.path("regions").get(0).path("code").asString()).isEqualTo("VN-54");
        assertThat(written.path("topics").get(0).path("code").asString()).isEqualTo("investment");
        assertThat(JSON.readValue(JSON.writeValueAsString(doc), ArticleDocument.class)).isEqualTo(doc);
    }

    @Test
    void foldsTheTextSoQueriesWithoutDiacriticsMatch() throws IOException {
        ArticleDocument doc = ArticleDocument.of(golden());

        assertThat(doc.title()).isEqualTo("Tỉnh Bắc Giang đón đoàn doanh nghiệp Nhật Bản");
        assertThat(doc.folded().title()).isEqualTo("tinh bac giang don doan doanh nghiep nhat ban");
    }

    @Test
    void fallsBackToTheIngestTimeWhenTheFeedGaveNoPublishTime() {
        Instant ingested = Instant.parse("2026-11-20T09:31:12Z");
        RawArticle raw = new RawArticle(1, "3UIoRoGI7WgpQ9sdeG_8aw", null, "g", "f", "s", "en", "t", "", "", List.of(), null, ingested);
        ClassifiedArticle classified = new ClassifiedArticle(1, raw, "v", ingested, "en", null, List.of(), List.of(), List.of());

        ArticleDocument doc = ArticleDocument.of(classified);

        assertThat(doc.publishedAt()).isEqualTo(ingested);
        assertThat(doc.pair()).isNull();
    }

    private static ClassifiedArticle golden() throws IOException {
        try (InputStream in = ArticleDocumentTest.class.getResourceAsStream("/golden/classified-article.json")) {
            return JSON.readValue(in, ClassifiedArticle.class);
        }
    }
}
