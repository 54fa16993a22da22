package io.newsradar.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Slow pages hold the extraction threads, not the threads that poll feeds. */
class PageExtractionTest {

    private final ExecutorService pollWorkers = Executors.newFixedThreadPool(16);
    private final PageExtraction extraction = new PageExtraction(new ArticleExtractor(
            new ExtractionSettings(2 << 20, 64, Duration.ofSeconds(60), 1, 1)));

    @AfterEach
    void stop() {
        pollWorkers.shutdownNow();
        extraction.close();
    }

    @Test
    void otherFeedsArePolledWhileSixteenSlowPagesAreInFlight() throws Exception {
        // Given sixteen poll workers each handing over a slow page
        byte[] slow = HostilePages.wideParagraphs(30_000);
        List<String> outcomes = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 16; i++) {
            URI url = URI.create("https://slow.example/page-" + i);
            pollWorkers.execute(() -> outcomes.add(outcome(url, slow)));
        }

        // When other feeds are polled on the same workers
        List<Future<Integer>> otherPolls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            otherPolls.add(pollWorkers.submit(extraction::inFlight));
        }

        // Then they are polled while the slow pages are still being extracted
        for (Future<Integer> poll : otherPolls) {
            assertThat(poll.get(60, TimeUnit.SECONDS)).as("pages in flight while another feed was polled").isPositive();
        }
        pollWorkers.shutdown();
        assertThat(pollWorkers.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
        assertThat(outcomes).hasSize(16);
        assertThat(outcomes.stream().filter(o -> o.startsWith("refused: https://slow.example/page-")
                && o.contains("not extracted, 1 pages are being extracted and 1 are waiting"))).hasSizeGreaterThanOrEqualTo(14);
    }

    @Test
    void aPageNotDoneByItsDeadlineIsADeadlineFailureNamingThePage() throws Exception {
        PageExtraction hurried = new PageExtraction(new ArticleExtractor(
                new ExtractionSettings(2 << 20, 64, Duration.ofMillis(1), 1, 0)));
        try {
            String outcome = outcome(hurried, URI.create("https://slow.example/late"), HostilePages.wideParagraphs(30_000));

            assertThat(outcome).startsWith("deadline: https://slow.example/late").contains("newsradar.ingest.extract.deadline");
        } finally {
            hurried.close();
        }
    }

    @Test
    void aNormalPageIsExtractedAsOnTheCallersThread() throws Exception {
        PageFixture page = PageFixture.load("en-wire");

        ExtractedArticle article = extraction.extract(page.url(), page.html(), page.contentType());

        assertThat(article).isEqualTo(new ArticleExtractor().extract(page.url(), page.html(), page.contentType()));
    }

    private String outcome(URI url, byte[] html) {
        return outcome(extraction, url, html);
    }

    private static String outcome(PageExtraction extraction, URI url, byte[] html) {
        try {
            extraction.extract(url, html, "text/html");
            return "story";
        } catch (ExtractionDeadlineException e) {
            return (e.getMessage().contains("not extracted") ? "refused: " : "deadline: ") + e.getMessage();
        } catch (ExtractionException e) {
            return "no story: " + e.getMessage();
        }
    }
}
