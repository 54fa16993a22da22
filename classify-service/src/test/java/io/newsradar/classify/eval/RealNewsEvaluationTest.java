package io.newsradar.classify.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.newsradar.classify.Classifier;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The classifier over the real news pages kept beside the project ({@code ../shared/eval/real-news.jsonl} from the
 * project root, or the file named by {@code -Dnewsradar.real-news=FILE}): it runs and reports every part. No figure is
 * required here; the figures are read with {@code evaluate --labelled}. Skipped where the file is absent.
 */
class RealNewsEvaluationTest {

    private static final Path REAL_NEWS = Path.of(System.getProperty("newsradar.real-news", "../../shared/eval/real-news.jsonl"));

    @Test
    void scoresEveryRealPageInEveryFold() throws Exception {
        assumeTrue(Files.isRegularFile(REAL_NEWS), "no real news at " + REAL_NEWS.toAbsolutePath().normalize());
        long lines = Files.readAllLines(REAL_NEWS).stream().filter(l -> !l.isBlank()).count();

        FoldReport report = FoldReport.of(Classifier.withDefaults(), "real-news.jsonl", EvaluationSet.readPages(REAL_NEWS),
                new Folds(5), 0);

        assertThat(report.whole().articles()).isEqualTo(lines);
        assertThat(report.rows().stream().filter(r -> r.part().startsWith("fold ") && r.lang().isEmpty())
                .mapToInt(r -> r.report().articles()).sum()).isEqualTo(lines);
        assertThat(report.rows()).allSatisfy(r -> assertThat(r.report().pairAccuracy()).isBetween(0.0, 1.0));
        assertThat(report.format()).contains("pair", "topics-macro", "fold 5");
    }
}
