package io.newsradar.classify.eval;

import io.newsradar.classify.Classifier;
import io.newsradar.classify.model.LogisticFit;
import io.newsradar.classify.model.LogisticModel;
import io.newsradar.classify.pair.PairPicker;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Fits the pair decision: of a story's candidate pair (the two countries {@link PairPicker} would pick), is it the
 * story's pair, or has the story none? Scored as {@link TopicFit} scores topics: every article's answer comes from the
 * model fitted on the other folds, against the hand rule on the same articles, as pair accuracy over every article
 * (one without a candidate has no pair either way).
 */
public final class PairFit {

    private record Row(String id, PairPicker.Candidate candidate, String pair, boolean scored) {
        boolean candidateIsRight() {
            return candidate != null && key(candidate.a(), candidate.b()).equals(pair);
        }
    }

    /**
     * What a fit found: pair accuracy out of fold for the hand rule and the model over the scored articles, and the
     * model fitted on every article ({@code null} unless it beats the rule on more than 1% of them).
     */
    public record Result(int scored, int ruleRight, int modelRight, LogisticModel model) {

        public String format() {
            return String.format(Locale.ROOT, "pair decision, out of fold on %d articles: hand rule %.3f, model %.3f  %s%n",
                    scored, ruleRight / (double) scored, modelRight / (double) scored, model != null ? "model" : "hand rule");
        }
    }

    private PairFit() {
    }

    /** Fits the pair decision on {@code set}, scoring it over {@code folds} on the articles {@code scored} picks. */
    public static Result fit(Classifier classifier, EvaluationSet set, Predicate<EvaluationSet.Item> scored, Folds folds,
                             double lambda) {
        List<Row> rows = new ArrayList<>();
        for (EvaluationSet.Item item : set.items()) {
            Classifier.Decisions decisions = item.input().decisions(classifier);
            if (decisions != null) {
                rows.add(new Row(item.id(), decisions.pair(), item.labels().pair(), scored.test(item)));
            }
        }
        int scoredCount = 0;
        int ruleRight = 0;
        int modelRight = 0;
        for (int fold = 1; fold <= folds.count(); fold++) {
            int held = fold;
            LogisticModel fitted = fit(rows, row -> !row.scored() || folds.of(row.id()) != held, lambda);
            for (Row row : rows) {
                if (!row.scored() || folds.of(row.id()) != held) {
                    continue;
                }
                scoredCount++;
                if (row.candidate() == null) {
                    ruleRight += row.pair() == null ? 1 : 0;
                    modelRight += row.pair() == null ? 1 : 0;
                    continue;
                }
                boolean ruleSays = row.candidate().rule() != null;
                boolean modelSays = fitted.probability(row.candidate().features()) >= 0.5;
                ruleRight += right(ruleSays, row) ? 1 : 0;
                modelRight += right(modelSays, row) ? 1 : 0;
            }
        }
        LogisticModel all = fit(rows, row -> true, lambda);
        // Kept only when it is right on more than one scored article in a hundred more than the rule, so that noise
        // does not replace a stated rule.
        return new Result(scoredCount, ruleRight, modelRight, (modelRight - ruleRight) * 100 > scoredCount ? all : null);
    }

    private static boolean right(boolean saysPair, Row row) {
        return saysPair ? row.candidateIsRight() : row.pair() == null;
    }

    private static LogisticModel fit(List<Row> rows, Predicate<Row> take, double lambda) {
        List<LogisticFit.Example> examples = new ArrayList<>();
        for (Row row : rows) {
            if (row.candidate() != null && take.test(row)) {
                examples.add(new LogisticFit.Example(row.candidate().features(), row.candidateIsRight()));
            }
        }
        return LogisticFit.fit(PairPicker.MODEL, PairPicker.SCHEMA, examples, lambda);
    }

    private static String key(String a, String b) {
        return a.compareTo(b) < 0 ? a + "-" + b : b + "-" + a;
    }
}
