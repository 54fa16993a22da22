package io.newsradar.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class ArticleExtractorTest {

    private static final Logger log = LoggerFactory.getLogger(ArticleExtractorTest.class);

    private final ArticleExtractor extractor = new ArticleExtractor();

    static Stream<PageFixture> articlePages() {
        return PageFixture.ARTICLES.stream().map(PageFixture::load);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("articlePages")
    void readsHeadlineLeadAndBodyAsACarefulReaderWould(PageFixture page) throws Exception {
        ExtractedArticle article = extractor.extract(page.url(), page.html(), page.contentType());

        assertThat(article.headline()).isEqualTo(page.headline());
        assertThat(article.lead()).isEqualTo(page.lead());
        TokenOverlap overlap = TokenOverlap.of(article.body(), page.body());
        assertThat(overlap.precision()).as("body precision of %s:%n%s", page, article.body()).isGreaterThanOrEqualTo(0.95);
        assertThat(overlap.recall()).as("body recall of %s:%n%s", page, article.body()).isGreaterThanOrEqualTo(0.95);
    }

    /**
     * Body precision, recall and F1 per page and on average, logged ({@code target/surefire-reports/…-output.txt}).
     * How fast the extractor is, is measured in {@code bench/} ({@code ExtractionBenchmark}), not here.
     */
    @Test
    void averagesABodyF1OfAtLeast095OverTheFixturePagesAndLogsTheFigures() throws Exception {
        List<TokenOverlap> overlaps = new ArrayList<>();
        for (PageFixture page : articlePages().toList()) {
            TokenOverlap overlap = TokenOverlap.of(extractor.extract(page.url(), page.html(), page.contentType()).body(), page.body());
            overlaps.add(overlap);
            log.atInfo().addKeyValue("page", page.name()).addKeyValue("precision", fmt(overlap.precision()))
                    .addKeyValue("recall", fmt(overlap.recall())).addKeyValue("f1", fmt(overlap.f1()))
                    .log("extraction measured");
        }
        double precision = overlaps.stream().mapToDouble(TokenOverlap::precision).average().orElse(0);
        double recall = overlaps.stream().mapToDouble(TokenOverlap::recall).average().orElse(0);
        double f1 = overlaps.stream().mapToDouble(TokenOverlap::f1).average().orElse(0);
        log.atInfo().addKeyValue("pages", overlaps.size()).addKeyValue("precision", fmt(precision))
                .addKeyValue("recall", fmt(recall)).addKeyValue("f1", fmt(f1)).log("extraction mean");

        assertThat(overlaps).hasSize(PageFixture.ARTICLES.size());
        assertThat(f1).isGreaterThanOrEqualTo(0.95);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("articlePages")
    void leavesOutMenusTeasersRelatedNewsAndFooters(PageFixture page) throws Exception {
        ExtractedArticle article = extractor.extract(page.url(), page.html(), page.contentType());

        String output = words(article.headline() + "\n" + article.lead() + "\n" + article.body());
        for (String phrase : page.boilerplate()) {
            assertThat(output).as("%s must leave out \"%s\"", page, phrase).doesNotContain(words(phrase));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("articlePages")
    void separatesParagraphsWithBlankLinesAndDoesNotRepeatTheLead(PageFixture page) throws Exception {
        ExtractedArticle article = extractor.extract(page.url(), page.html(), page.contentType());

        assertThat(article.body().split("\n\n")).hasSameSizeAs(page.body().split("\n\n"));
        assertThat(article.body()).doesNotContain("\n\n\n").doesNotStartWith("\n");
        if (!page.lead().isEmpty()) {
            assertThat(article.body()).doesNotContain(page.lead());
        }
    }

    @Test
    void refusesASectionIndexOfTeasersAndSaysWhy() {
        URI url = URI.create("https://news.example.vn/kinh-doanh");

        assertThatThrownBy(() -> extractor.extract(url, PageFixture.bytes("vi-section-index.html"), "text/html"))
                .isInstanceOf(ExtractionException.class)
                .hasMessageStartingWith("https://news.example.vn/kinh-doanh has no story text: the longest text block has ")
                .hasMessageEndingWith(" words");
    }

    @Test
    void refusesAnEmptyPage() {
        assertThatThrownBy(() -> extractor.extract(URI.create("https://news.example/empty"), new byte[0], null))
                .isInstanceOf(ExtractionException.class)
                .hasMessageContaining("https://news.example/empty");
    }

    @Test
    void decodesWithTheCharsetOfTheContentTypeHeaderBeforeTheMetaTag() throws Exception {
        byte[] html = PageFixture.bytes("charset-header-beats-meta.html");
        URI url = URI.create("https://news.example.vn/hoi-cho-gunma");

        ExtractedArticle byHeader = extractor.extract(url, html, "text/html; charset=UTF-8");
        ExtractedArticle byMeta = extractor.extract(url, html, "text/html");

        assertThat(byHeader.headline()).isEqualTo("Hội chợ hàng Việt tại Gunma thu hút đông khách");
        assertThat(byHeader.body()).contains("thành phố Maebashi, tỉnh Gunma");
        assertThat(byMeta.headline()).as("decoded as windows-1252, as the meta tag says").startsWith("Há»");
    }

    @Test
    void decodesAWindows1258PageIntoComposedVietnamese() throws Exception {
        PageFixture page = PageFixture.load("vi-legacy-1258");

        ExtractedArticle article = extractor.extract(page.url(), page.html(), null);

        assertThat(article.headline()).isEqualTo("Thêm 1.200 lao động Nghệ An sang Hàn Quốc làm việc theo chương trình EPS");
        assertThat(article.body()).contains("Quỳnh Lưu").doesNotContain("\u0300", "\u0301", "\u0303", "\u0309", "\u0323");
        assertThat(article.language()).isEqualTo("vi-VN");
    }

    @Test
    void readsLanguageCanonicalUrlAndDatesFromTheHead() throws Exception {
        ExtractedArticle article = extract("vi-daily");

        assertThat(article.language()).isEqualTo("vi");
        assertThat(article.canonicalUrl())
                .isEqualTo("https://news.example/kinh-doanh/doanh-nghiep-gunma-mo-nha-may-linh-kien-thu-hai-tai-bac-giang-4821.html");
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2026-03-12T01:30:00Z"));
        assertThat(article.updatedAt()).isEqualTo(Instant.parse("2026-03-12T03:05:00Z"));
    }

    @Test
    void readsDatesFromJsonLdAndLanguageFromContentLanguage() throws Exception {
        ExtractedArticle article = extract("en-jsonld");

        assertThat(article.language()).isEqualTo("en-GB");
        assertThat(article.canonicalUrl()).isEqualTo("https://www.asiaherald.example/culture/korean-centre-da-nang");
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2026-05-18T02:00:00Z"));
        assertThat(article.updatedAt()).isEqualTo(Instant.parse("2026-05-19T09:30:00Z"));
    }

    @Test
    void readsDatesFromTimeElementsAndResolvesARelativeOgUrl() throws Exception {
        ExtractedArticle article = extract("fr-regional");

        assertThat(article.language()).isEqualTo("fr-FR");
        assertThat(article.canonicalUrl())
                .isEqualTo("https://news.example/loire-atlantique/saint-nazaire/vingt-soudeurs-vietnamiens-recrutes-chantiers-navals-8842");
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2026-02-09T17:45:00Z"));
        assertThat(article.updatedAt()).isEqualTo(Instant.parse("2026-02-10T06:10:00Z"));
    }

    @Test
    void takesABareJsonLdDateAsTheStartOfThatDayAndLeavesAMissingCanonicalNull() throws Exception {
        ExtractedArticle article = extract("fr-figures");

        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2026-09-07T00:00:00Z"));
        assertThat(article.updatedAt()).isEqualTo(Instant.parse("2026-09-08T09:30:00Z"));
        assertThat(article.canonicalUrl()).isNull();
        assertThat(article.language()).isEqualTo("fr");
    }

    @Test
    void fallsBackToTheJsonLdArticleBodyWhenThePageIsRenderedByScript() throws Exception {
        URI url = URI.create("https://business.example/gunma-bac-giang-training");

        ExtractedArticle article = extractor.extract(url, PageFixture.bytes("en-script-rendered.html"), "text/html");

        assertThat(article.headline()).isEqualTo("Gunma and Bac Giang sign training pact for factory technicians");
        assertThat(article.body().split("\n\n")).hasSize(3);
        assertThat(article.body()).startsWith("Gunma prefecture and Vietnam's Bac Giang province signed")
                .doesNotContain("<p>", "JavaScript", "©");
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2026-10-02T01:00:00Z"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "Story about Gunma - VnExpress;                Story about Gunma",
        "Au Vietnam, le Japon investit | Le Monde;     Au Vietnam, le Japon investit",
        "Quan hệ Việt Nam - Nhật Bản;                  Quan hệ Việt Nam - Nhật Bản",
        "Laos and Vietnam open a border gate – news.example.la; Laos and Vietnam open a border gate",
    })
    void takesTheSiteNameOffTheTitleButNotAPartOfTheStory(String title, String headline) {
        assertThat(Headlines.withoutSiteName(title, Set.of(), "VnExpress", "lemonde.fr")).isEqualTo(headline);
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    /** Folded words between spaces, so that a phrase matches whole words only ("Emploi" is not in "emploie"). */
    private static String words(String text) {
        return " " + String.join(" ", TokenOverlap.tokens(text)) + " ";
    }

    private ExtractedArticle extract(String name) throws ExtractionException {
        PageFixture page = PageFixture.load(name);
        return extractor.extract(page.url(), page.html(), page.contentType());
    }
}
