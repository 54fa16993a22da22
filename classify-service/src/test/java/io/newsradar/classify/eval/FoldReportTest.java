package io.newsradar.classify.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.newsradar.classify.Classifier;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The scoring of a labelled file of pages. The expected figures were worked out apart from this code, by scoring the
 * classifier's output for {@code labelled/pages.jsonl} with the project's reference scorer.
 */
class FoldReportTest {

    private static final Path PAGES = Path.of("src/test/resources/labelled/pages.jsonl");
    private static final double EXACT = 1e-9;

    private static EvaluationSet set;
    private static Classifier classifier;

    @BeforeAll
    static void load() {
        set = EvaluationSet.readPages(PAGES);
        classifier = Classifier.withDefaults();
    }

    @Test
    void readsEveryPageWithItsLanguageAndLabelsAndClassifiesItFromItsTextAlone() {
        assertThat(set.items()).extracting(EvaluationSet.Item::id)
                .containsExactly("page-en-1", "page-en-2", "page-vi-1", "page-fr-1", "page-fr-2", "page-en-3", "page-vi-2");
        EvaluationSet.Item gunma = set.items().get(2);
        assertThat(gunma.lang()).isEqualTo("vi");
        assertThat(gunma.labels().regions()).containsExactly("JP-10", "VN-54");
        assertThat(gunma.input().text()).startsWith("Trang chủ");
        assertThat(gunma.input().lang()).isNull();
        assertThat(set.items().get(1).labels().pair()).isNull();
    }

    @Test
    void scoresTheWholeFileAsTheReferenceScorerDoes() {
        EvaluationReport whole = FoldReport.of(classifier, "pages.jsonl", set, null, 0).whole();

        assertThat(whole.articles()).isEqualTo(7);
        assertThat(whole.pairAccuracy()).isCloseTo(1.0, within(EXACT));
        assertThat(whole.countries().f1()).isCloseTo(0.9, within(EXACT));
        assertThat(whole.regions().f1()).isCloseTo(0.8, within(EXACT));
        assertThat(whole.topicsMicro().f1()).isCloseTo(0.8, within(EXACT));
        assertThat(whole.topicsMacroF1()).isCloseTo((1 + 2 / 3.0 + 2 / 3.0 + 1) / 4, within(EXACT));
    }

    @Test
    void reportsEachTopicsF1AsTheReferenceScorerDoes() {
        String table = FoldReport.of(classifier, "pages.jsonl", set, null, 0).format();

        assertThat(table.lines().dropWhile(l -> !l.startsWith("topic F1")).toList()).containsExactly(
                "topic F1                        aid      culture   investment       labour",
                "all                           0.667        0.667        1.000        1.000",
                "  en                          1.000        0.000        1.000        1.000",
                "  fr                          1.000        1.000        1.000        1.000",
                "  vi                          0.000        1.000        1.000        1.000");
    }

    @Test
    void givesEachLanguageItsRowAveragingTopicsOverTheWholeSetsTopics() {
        FoldReport report = FoldReport.of(classifier, "pages.jsonl", set, null, 0);

        assertThat(report.rows()).extracting(FoldReport.Row::lang).containsExactly("", "en", "fr", "vi");
        EvaluationReport english = report.rows().get(1).report();
        assertThat(english.articles()).isEqualTo(3);
        assertThat(english.topicsMicro().f1()).isCloseTo(2 / 3.0, within(EXACT));
        assertThat(english.topicsMacroF1(report.whole().topics().keySet())).isCloseTo(0.75, within(EXACT));
        assertThat(report.format()).contains("  en                       3  1.000     1.000    1.000        0.667        0.750");
    }

    @Test
    void scoresTheTunePartAndTheCheckPartOfAFoldApart() {
        FoldReport report = FoldReport.of(classifier, "pages.jsonl", set, new Folds(2), 1);

        Map<String, EvaluationReport> parts = parts(report);
        assertThat(parts).containsOnlyKeys("all", "tune (not fold 1)", "check (fold 1)");
        assertThat(parts.get("tune (not fold 1)").articles()).isEqualTo(3);
        EvaluationReport check = parts.get("check (fold 1)");
        assertThat(check.articles()).isEqualTo(4);
        assertThat(check.regions().f1()).isCloseTo(1.0, within(EXACT));
        assertThat(check.topicsMicro().f1()).isCloseTo(0.8, within(EXACT));
        assertThat(check.topicsMacroF1(report.whole().topics().keySet())).isCloseTo((1 + 1 + 2 / 3.0 + 1) / 4, within(EXACT));
    }

    @Test
    void everyFoldTogetherIsTheWholeSet() {
        FoldReport report = FoldReport.of(classifier, "pages.jsonl", set, new Folds(3), 0);

        Map<String, EvaluationReport> parts = parts(report);
        assertThat(parts).containsOnlyKeys("all", "fold 1", "fold 2", "fold 3");
        assertThat(List.of("fold 1", "fold 2", "fold 3")).extracting(f -> parts.get(f).articles()).containsExactly(3, 3, 1);
    }

    @Test
    void countsATopicNobodyLabelledNorTaggedAsRightInTheMacroFigure() {
        EvaluationReport report = new EvaluationReport("test", 2, 2, new EvaluationReport.Score(0, 0, 0),
                new EvaluationReport.Score(0, 0, 0), Map.of("aid", new EvaluationReport.Score(1, 1, 0)), List.of());

        assertThat(report.topicsMacroF1()).isCloseTo(2 / 3.0, within(EXACT));
        assertThat(report.topicsMacroF1(List.of("aid", "labour"))).isCloseTo((2 / 3.0 + 1) / 2, within(EXACT));
    }

    private static Map<String, EvaluationReport> parts(FoldReport report) {
        return report.rows().stream().filter(r -> r.lang().isEmpty())
                .collect(java.util.stream.Collectors.toMap(FoldReport.Row::part, FoldReport.Row::report));
    }
}
