package io.newsradar.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Pages built to make extraction slow end within the deadline, in a story or a declared failure. */
class BoundedExtractionTest {

    private final ArticleExtractor extractor = new ArticleExtractor();

    static Stream<Arguments> hostilePages() {
        return Stream.of(
                page("120,000 nested divs", () -> HostilePages.nestedDivs(120_000)),
                page("30,000 teasers side by side", () -> HostilePages.wideTeasers(30_000)),
                page("30,000 paragraphs side by side", () -> HostilePages.wideParagraphs(30_000)),
                page("3 MB of text in one paragraph", () -> HostilePages.hugeText(3_000_000)),
                page("20,000 nested furniture boxes", () -> HostilePages.nestedFurniture(20_000)),
                page("20,000 nested related-story labels", () -> HostilePages.nestedRelatedLabels(20_000)));
    }

    private static Arguments page(String name, Supplier<byte[]> html) {
        return Arguments.of(Named.of(name, html));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostilePages")
    void endsInAStoryOrADeclaredFailureNamingThePage(Supplier<byte[]> html) {
        URI url = URI.create("https://hostile.example/page");

        String outcome;
        try {
            ExtractedArticle article = extractor.extract(url, html.get(), "text/html; charset=utf-8");
            outcome = "story";
            assertThat(article.headline()).isNotBlank();
            assertThat(article.body()).isNotBlank();
        } catch (ExtractionException e) {
            outcome = "refused";
            assertThat(e.getMessage()).startsWith(url.toString());
        }

        assertThat(outcome).isIn("story", "refused");
    }

    @Test
    void aPageThatMissesTheDeadlineIsADeadlineFailureNamingPageAndSetting() {
        ArticleExtractor hurried = new ArticleExtractor(new ExtractionSettings(2 << 20, 64, Duration.ofNanos(1), 1, 0));
        URI url = URI.create("https://hostile.example/slow");

        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                () -> hurried.extract(url, HostilePages.wideParagraphs(2_000), "text/html")))
                .isInstanceOf(ExtractionDeadlineException.class)
                .hasMessageStartingWith("https://hostile.example/slow: extraction stopped after its deadline")
                .hasMessageContaining("newsradar.ingest.extract.deadline");
    }

    @Test
    void anInterruptedExtractionStopsWithADeadlineFailure() {
        Thread.currentThread().interrupt();
        try {
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> extractor.extract(
                    URI.create("https://hostile.example/cancelled"), HostilePages.nestedDivs(100), "text/html")))
                    .isInstanceOf(ExtractionDeadlineException.class);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void readsTheStoryAtTheBottomOfAPageNestedDeeperThanTheLimit() throws Exception {
        ExtractedArticle article = extractor.extract(URI.create("https://hostile.example/deep"), HostilePages.nestedDivs(500),
                "text/html");

        assertThat(article.body()).contains("new ferry terminal", "twelve thousand passengers", "more buses");
    }

    @Test
    void liftsWhatLiesBelowTheDepthLimitIntoTheElementAtTheLimitKeepingItsText() {
        Document doc = Jsoup.parse("<div><div><div><div><p>one <b>two</b></p><p>three</p></div></div></div></div>");

        Dom.boundDepth(doc, 4, Budget.unlimited());

        assertThat(depth(doc)).isEqualTo(4);
        assertThat(doc.body().text()).isEqualTo("one two three");
    }

    @Test
    void readsNoMoreThanTheConfiguredNumberOfBytes() throws Exception {
        ArticleExtractor small = new ArticleExtractor(new ExtractionSettings(HostilePages.HEAD.length() + 2_000, 64,
                Duration.ofSeconds(30), 1, 0));

        ExtractedArticle article = small.extract(URI.create("https://hostile.example/long"), HostilePages.hugeText(100_000),
                "text/html");

        assertThat(article.body().length()).isLessThan(2_000);
    }

    private static int depth(Document doc) {
        int deepest = 0;
        for (Element el : doc.getAllElements()) {
            int d = 0;
            for (Element up = el; up.parent() != null; up = up.parent()) {
                d++;
            }
            deepest = Math.max(deepest, d);
        }
        return deepest;
    }
}
