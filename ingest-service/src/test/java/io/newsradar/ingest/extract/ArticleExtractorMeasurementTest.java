package io.newsradar.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures the extractor over the fixture pages: body precision, recall and F1 against the expected text per page and
 * on average, and the mean extraction time per page over {@value #RUNS} runs after a warm-up. The figures go to the
 * test log ({@code target/surefire-reports/…-output.txt}); the test fails only if the mean F1 drops below 0.95.
 */
class ArticleExtractorMeasurementTest {

    private static final Logger log = LoggerFactory.getLogger(ArticleExtractorMeasurementTest.class);
    private static final int WARM_UP = 50;
    private static final int RUNS = 200;

    private final ArticleExtractor extractor = new ArticleExtractor();

    @Test
    void reportsPrecisionRecallAndTimePerPage() throws Exception {
        List<PageFixture> pages = PageFixture.ARTICLES.stream().map(PageFixture::load).toList();
        List<TokenOverlap> overlaps = new ArrayList<>();
        for (PageFixture page : pages) {
            TokenOverlap overlap = TokenOverlap.of(extract(page).body(), page.body());
            overlaps.add(overlap);
            double micros = microsPerExtraction(page);
            log.atInfo().addKeyValue("page", page.name()).addKeyValue("precision", fmt(overlap.precision()))
                    .addKeyValue("recall", fmt(overlap.recall())).addKeyValue("f1", fmt(overlap.f1()))
                    .addKeyValue("microsPerPage", Math.round(micros)).addKeyValue("kib", page.html().length / 1024)
                    .log("extraction measured");
        }
        double precision = overlaps.stream().mapToDouble(TokenOverlap::precision).average().orElse(0);
        double recall = overlaps.stream().mapToDouble(TokenOverlap::recall).average().orElse(0);
        double f1 = overlaps.stream().mapToDouble(TokenOverlap::f1).average().orElse(0);
        log.atInfo().addKeyValue("pages", pages.size()).addKeyValue("precision", fmt(precision))
                .addKeyValue("recall", fmt(recall)).addKeyValue("f1", fmt(f1)).log("extraction mean");

        assertThat(f1).isGreaterThanOrEqualTo(0.95);
    }

    private double microsPerExtraction(PageFixture page) throws ExtractionException {
        for (int i = 0; i < WARM_UP; i++) {
            extract(page);
        }
        long start = System.nanoTime();
        for (int i = 0; i < RUNS; i++) {
            extract(page);
        }
        return (System.nanoTime() - start) / 1_000.0 / RUNS;
    }

    private ExtractedArticle extract(PageFixture page) throws ExtractionException {
        return extractor.extract(page.url(), page.html(), page.contentType());
    }

    private static String fmt(double value) {
        return String.format(java.util.Locale.ROOT, "%.3f", value);
    }
}
