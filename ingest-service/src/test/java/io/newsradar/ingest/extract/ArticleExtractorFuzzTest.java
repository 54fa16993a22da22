package io.newsradar.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.URI;
import java.time.Duration;

/** Any bytes given as an article page end in a story or a declared refusal naming the page, within the deadline. */
class ArticleExtractorFuzzTest {

    private static final URI PAGE = URI.create("https://fuzz.example/page");
    private static final Duration DEADLINE = Duration.ofSeconds(2);
    /** The deadline, and time for a busy machine to let the last pass notice it; a parse itself is not stopped. */
    private static final Duration BOUND = DEADLINE.plusSeconds(8);
    private static final ArticleExtractor EXTRACTOR = new ArticleExtractor(
            new ExtractionSettings(2 * 1024 * 1024, 64, DEADLINE, 1, 0));

    static {
        // load jsoup and the extractor's classes before the first input, so that their loading is not a finding
        fuzzerTestOneInput("<title>warm-up</title><p>one</p>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

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
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
    }
}
