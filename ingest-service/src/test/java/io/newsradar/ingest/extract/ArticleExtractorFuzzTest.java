package io.newsradar.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.URI;
import java.time.Duration;

/** Any bytes given as an article page end in a story or a declared refusal naming the page, within the deadline. */
class ArticleExtractorFuzzTest {

    private static final URI PAGE = URI.create("https://fuzz.example/page");
    private static final Duration DEADLINE = Duration.ofSeconds(2);
    private static final ArticleExtractor EXTRACTOR = new ArticleExtractor(
            new ExtractionSettings(2 * 1024 * 1024, 64, DEADLINE, 1, 0));

    @FuzzTest(maxDuration = "5s")
    void extractsOrRefusesAnyPageWithinTheDeadline(byte[] page) {
        fuzzerTestOneInput(page);
    }

    /** The target, also for a long run by hand: {@code bench/fuzz/run ingest-service CLASS SECONDS}. */
    public static void fuzzerTestOneInput(byte[] page) {
        long start = System.nanoTime();
        try {
            ExtractedArticle article = EXTRACTOR.extract(PAGE, page, "text/html");
            assertThat(article.headline()).isNotBlank();
            assertThat(article.lead()).isNotNull();
            assertThat(article.body()).isNotBlank();
        } catch (ExtractionException refused) {
            assertThat(refused.getMessage()).startsWith(PAGE.toString());
        }
        // the deadline, and a second for the last pass to notice it
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(DEADLINE.plusSeconds(1));
    }
}
