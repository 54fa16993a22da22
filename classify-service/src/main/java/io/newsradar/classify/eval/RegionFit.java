package io.newsradar.classify.eval;

import io.newsradar.classify.Classifier;
import io.newsradar.classify.model.LogisticFit;
import io.newsradar.classify.model.LogisticModel;
import io.newsradar.classify.region.RegionTagger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Fits the region decision: of a region a story names, does it act in the story? Scored as {@link TopicFit} scores
 * topics, out of fold against the hand rule, as regions F1 over the scored articles (a labelled region the story never
 * names is missed either way).
 */
public final class RegionFit {

    private record Row(String id, List<RegionTagger.Candidate> candidates, Set<String> regions, boolean scored) {
    }

    /**
     * What a fit found: regions F1 out of fold for the hand rule and the model, and the model fitted on every article
     * ({@code null} unless it beats the rule by more than {@link TopicFit#MARGIN}).
     */
    public record Result(int scored, TopicFit.Score rule, TopicFit.Score model, LogisticModel fitted) {

        public String format() {
            return String.format(Locale.ROOT, "region decision, out of fold on %d articles: hand rule F1 %.3f, model F1 %.3f  %s%n",
                    scored, rule.f1(), model.f1(), fitted != null ? "model" : "hand rule");
        }
    }

    private RegionFit() {
    }

    /** Fits the region decision on {@code set}, scoring it over {@code folds} on the articles {@code scored} picks. */
    public static Result fit(Classifier classifier, EvaluationSet set, Predicate<EvaluationSet.Item> scored, Folds folds,
                             double lambda) {
        List<Row> rows = new ArrayList<>();
        for (EvaluationSet.Item item : set.items()) {
            Classifier.Decisions decisions = item.input().decisions(classifier);
            if (decisions != null) {
                rows.add(new Row(item.id(), decisions.regions(), item.labels().regions(), scored.test(item)));
            }
        }
        int[] rule = new int[3];
        int[] model = new int[3];
        int count = 0;
        for (int fold = 1; fold <= folds.count(); fold++) {
            int held = fold;
            LogisticModel fitted = fit(rows, row -> !row.scored() || folds.of(row.id()) != held, lambda);
            for (Row row : rows) {
                if (!row.scored() || folds.of(row.id()) != held) {
                    continue;
                }
                count++;
                int named = 0;
                for (RegionTagger.Candidate c : row.candidates()) {
                    boolean yes = row.regions().contains(c.region().code());
                    named += yes ? 1 : 0;
                    count(rule, c.rule(), yes);
                    count(model, fitted.probability(c.features()) >= 0.5, yes);
                }
                rule[2] += row.regions().size() - named;
                model[2] += row.regions().size() - named;
            }
        }
        TopicFit.Score ruleScore = new TopicFit.Score(rule[0], rule[1], rule[2]);
        TopicFit.Score modelScore = new TopicFit.Score(model[0], model[1], model[2]);
        LogisticModel all = fit(rows, row -> true, lambda);
        return new Result(count, ruleScore, modelScore, modelScore.f1() > ruleScore.f1() + TopicFit.MARGIN ? all : null);
    }

    private static void count(int[] score, boolean said, boolean yes) {
        if (said && yes) {
            score[0]++;
        } else if (said) {
            score[1]++;
        } else if (yes) {
            score[2]++;
        }
    }

    private static LogisticModel fit(List<Row> rows, Predicate<Row> take, double lambda) {
        List<LogisticFit.Example> examples = new ArrayList<>();
        for (Row row : rows) {
            if (take.test(row)) {
                for (RegionTagger.Candidate c : row.candidates()) {
                    examples.add(new LogisticFit.Example(c.features(), row.regions().contains(c.region().code())));
                }
            }
        }
        return LogisticFit.fit(RegionTagger.MODEL, RegionTagger.SCHEMA, examples, lambda);
    }
}
