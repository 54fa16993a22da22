package io.newsradar.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PageMetadataTest {

    private final ArticleExtractor extractor = new ArticleExtractor();

    @Test
    void readsAuthorTopImageSectionTimesLanguageAndCanonicalUrlFromJsonLdAndOpenGraph() throws Exception {
        PageFixture page = PageFixture.load("en-newsroom");

        ExtractedArticle article = extractor.extract(page.url(), page.html(), page.contentType());

        assertThat(article.author()).as("the first JSON-LD author, not article:author's profile URL").isEqualTo("Mai Tran");
        assertThat(article.imageUrl()).as("og:image, resolved against the page").isEqualTo("https://news.example/media/2026/11/greenhouse-visit.jpg");
        assertThat(article.section()).isEqualTo("Asia");
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2026-11-20T01:15:00Z"));
        assertThat(article.updatedAt()).isEqualTo(Instant.parse("2026-11-20T04:40:00Z"));
        assertThat(article.language()).isEqualTo("en-GB");
        assertThat(article.canonicalUrl()).isEqualTo("https://ledger.example/asia/2026/11/gunma-bac-giang-training-pact");
    }

    @Test
    void fallsBackToMetaTagsBylineElementsAndTimeWhenThereIsNoJsonLd() throws Exception {
        String html = """
                <html lang="fr"><head><title>Un jumelage entre Lyon et Da Nang</title>
                <meta name="author" content="Par Claire Martin">
                <meta name="twitter:image" content="images/pont-du-dragon.jpg">
                </head><body><article>
                <h1>Un jumelage entre Lyon et Da Nang</h1>
                <span itemprop="articleSection">Monde</span>
                <time datetime="2026-10-02T09:00:00+02:00">2 octobre</time>
                <p>Les deux villes ont signé jeudi un accord de coopération qui porte sur la gestion de l'eau, les transports
                urbains et les échanges d'étudiants, pour une durée de cinq ans renouvelable.</p>
                <p>Une délégation vietnamienne est attendue à Lyon au printemps pour visiter le réseau de tramway et les
                stations d'épuration de la métropole, selon la mairie.</p>
                </article></body></html>
                """;

        ExtractedArticle article = extractor.extract(URI.create("https://journal.example/monde/jumelage"),
                html.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8");

        assertThat(article.author()).isEqualTo("Claire Martin");
        assertThat(article.imageUrl()).isEqualTo("https://journal.example/monde/images/pont-du-dragon.jpg");
        assertThat(article.section()).isEqualTo("Monde");
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2026-10-02T07:00:00Z"));
        assertThat(article.language()).isEqualTo("fr");
    }

    @Test
    void leavesAuthorImageAndSectionNullWhenThePageNamesNone() throws Exception {
        PageFixture page = PageFixture.load("vi-legacy-1258");

        ExtractedArticle article = extractor.extract(page.url(), page.html(), page.contentType());

        assertThat(article.section()).isNull();
        assertThat(article.imageUrl()).isNull();
    }

    @Test
    void readsTheAuthorWithoutItsBylineWordAndTheSectionOfAnAmpPage() throws Exception {
        PageFixture page = PageFixture.load("vi-amp");

        ExtractedArticle article = extractor.extract(page.url(), page.html(), page.contentType());

        assertThat(article.author()).isEqualTo("Hoàng Lan");
        assertThat(article.section()).isEqualTo("Kinh tế");
        assertThat(article.imageUrl()).isEqualTo("https://vungbien.example/anh/2026/11/cang-cai-lan.jpg");
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2026-11-18T08:30:00Z"));
        assertThat(article.canonicalUrl()).isEqualTo("https://vungbien.example/kinh-te/quang-ninh-don-doan-hokkaido.html");
    }
}
