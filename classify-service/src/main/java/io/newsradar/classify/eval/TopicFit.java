package io.newsradar.classify.eval;

import io.newsradar.classify.Classifier;
import io.newsradar.classify.model.Features;
import io.newsradar.classify.model.LogisticFit;
import io.newsradar.classify.model.LogisticModel;
import io.newsradar.classify.model.ModelFile;
import io.newsradar.classify.topic.TopicTagger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fits each topic's decision on labelled articles and says how well it does where it was not fitted: every article's
 * probability comes from the model fitted on the other folds ({@link Folds}), and those out-of-fold probabilities are
 * scored against the hand rule on the same articles (F1 per topic, micro and macro) and binned into a reliability
 * table (expected calibration error over 10 bins, every article × topic decision counted). The weights written are
 * those fitted on every article, for the topics (of those asked for) whose model beats the hand rule out of fold by
 * more than {@link #MARGIN} F1: the others keep the hand rule.
 */
public final class TopicFit {

    /** An article's labels and the features of each of its topic decisions. */
    record Row(String id, Map<String, Features> features, java.util.Set<String> topics, boolean scored) {
    }

    /** One bin of the reliability table: decisions whose probability fell in {@code [from, to)}. */
    public record Bin(double from, double to, int decisions, double meanProbability, double rightShare) {
    }

    /** Precision, recall and F1 of one topic, or of all of them pooled. */
    public record Score(int truePositives, int falsePositives, int falseNegatives) {
        public double f1() {
            int d = 2 * truePositives + falsePositives + falseNegatives;
            return d == 0 ? 1.0 : 2.0 * truePositives / d;
        }
    }

    /**
     * What a fit found.
     *
     * @param rule   the hand rule's score per topic on the articles
     * @param model  the out-of-fold model's score per topic
     * @param bins   the out-of-fold reliability table
     * @param ece    its expected calibration error
     * @param file   the weights fitted on every article
     */
    public record Result(int articles, int scored, Map<String, Score> rule, Map<String, Score> model, List<Bin> bins, double ece,
                         ModelFile file) {

        /** The report the command line prints. */
        public String format() {
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "topic decisions fitted on %d articles, %d of them scored out of fold (%d folds)%n",
                    articles, scored, file.folds()));
            out.append(String.format(Locale.ROOT, "%-12s %8s %8s  %s%n", "topic", "rule F1", "model F1", "decides"));
            rule.forEach((topic, r) -> out.append(String.format(Locale.ROOT, "%-12s %8.3f %8.3f  %s%n", topic, r.f1(),
                    model.get(topic).f1(), file.models().containsKey(TopicTagger.MODEL_PREFIX + topic) ? "model" : "hand rule")));
            out.append(String.format(Locale.ROOT, "%-12s %8.3f %8.3f%n", "micro", micro(rule).f1(), micro(model).f1()));
            out.append(String.format(Locale.ROOT, "%-12s %8.3f %8.3f%n", "macro", macro(rule), macro(model)));
            out.append(String.format(Locale.ROOT, "reliability (out of fold), expected calibration error %.3f%n", ece));
            out.append(String.format(Locale.ROOT, "%-11s %9s %9s %9s%n", "probability", "decisions", "mean p", "right"));
            for (Bin b : bins) {
                if (b.decisions() > 0) {
                    out.append(String.format(Locale.ROOT, "%.1f-%.1f     %9d %9.3f %9.3f%n", b.from(), b.to(), b.decisions(),
                            b.meanProbability(), b.rightShare()));
                }
            }
            return out.toString();
        }
    }

    private static final int BINS = 10;
    /** How much F1 out of fold a model must gain over the hand rule to replace it, so that noise does not. */
    static final double MARGIN = 0.01;

    private TopicFit() {
    }

    /**
     * Fits the topic decisions on {@code set} with the L2 penalty {@code lambda}, scoring them over {@code folds} on
     * the articles {@code scored} picks: the others are in every fold's fitting part and in no check part.
     *
     * @param sources the labelled files, recorded in the weights file
     */
    public static Result fit(Classifier classifier, EvaluationSet set, java.util.function.Predicate<EvaluationSet.Item> scored,
                             Folds folds, double lambda, java.util.Set<String> only, List<ModelFile.Source> sources) {
        List<Row> rows = new ArrayList<>();
        for (EvaluationSet.Item item : set.items()) {
            Classifier.Decisions decisions = item.input().decisions(classifier);
            Map<String, Features> features = decisions == null ? Map.of() : decisions.topics();
            if (!features.isEmpty()) {
                rows.add(new Row(item.id(), features, item.labels().topics(), scored.test(item)));
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalStateException("no labelled article in a language the classifier reads");
        }
        List<String> topics = new ArrayList<>(rows.get(0).features().keySet());
        Map<String, Score> rule = new LinkedHashMap<>();
        Map<String, Score> model = new LinkedHashMap<>();
        double[] binSum = new double[BINS];
        int[] binCount = new int[BINS];
        int[] binRight = new int[BINS];
        int ruleAt = TopicTagger.SCHEMA.indexOf("rule");
        Map<String, LogisticModel> models = new LinkedHashMap<>();
        Map<String, Double> lambdas = new LinkedHashMap<>();
        for (String topic : topics) {
            int[] r = new int[3];
            int[] m = new int[3];
            for (int fold = 1; fold <= folds.count(); fold++) {
                int held = fold;
                List<LogisticFit.Example> tune = examples(rows, topic, row -> !row.scored() || folds.of(row.id()) != held);
                LogisticModel fitted = LogisticFit.fit(TopicTagger.MODEL_PREFIX + topic, TopicTagger.SCHEMA, tune, lambda);
                for (Row row : rows) {
                    if (folds.of(row.id()) != held || !row.scored()) {
                        continue;
                    }
                    Features f = row.features().get(topic);
                    boolean yes = row.topics().contains(topic);
                    double p = fitted.probability(f);
                    count(r, f.get(ruleAt) > 0.5, yes);
                    count(m, p >= 0.5, yes);
                    int bin = Math.min(BINS - 1, (int) (p * BINS));
                    binSum[bin] += p;
                    binCount[bin]++;
                    binRight[bin] += yes ? 1 : 0;
                }
            }
            rule.put(topic, new Score(r[0], r[1], r[2]));
            model.put(topic, new Score(m[0], m[1], m[2]));
            String name = TopicTagger.MODEL_PREFIX + topic;
            if ((only != null && !only.contains(topic)) || model.get(topic).f1() <= rule.get(topic).f1() + MARGIN) {
                continue;
            }
            models.put(name, LogisticFit.fit(name, TopicTagger.SCHEMA, examples(rows, topic, row -> true), lambda));
            lambdas.put(name, lambda);
        }
        List<Bin> bins = new ArrayList<>();
        int total = 0;
        double gap = 0;
        for (int b = 0; b < BINS; b++) {
            double mean = binCount[b] == 0 ? 0 : binSum[b] / binCount[b];
            double right = binCount[b] == 0 ? 0 : (double) binRight[b] / binCount[b];
            bins.add(new Bin(b / (double) BINS, (b + 1) / (double) BINS, binCount[b], mean, right));
            total += binCount[b];
            gap += binCount[b] * Math.abs(mean - right);
        }
        ModelFile file = new ModelFile(classifier.version(), sources, folds.count(), models, lambdas);
        return new Result(rows.size(), (int) rows.stream().filter(Row::scored).count(), rule, model, bins, total == 0 ? 0 : gap / total, file);
    }

    private static List<LogisticFit.Example> examples(List<Row> rows, String topic, java.util.function.Predicate<Row> take) {
        List<LogisticFit.Example> out = new ArrayList<>();
        for (Row row : rows) {
            if (take.test(row)) {
                out.add(new LogisticFit.Example(row.features().get(topic), row.topics().contains(topic)));
            }
        }
        return out;
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

    static Score micro(Map<String, Score> scores) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (Score s : scores.values()) {
            tp += s.truePositives();
            fp += s.falsePositives();
            fn += s.falseNegatives();
        }
        return new Score(tp, fp, fn);
    }

    static double macro(Map<String, Score> scores) {
        return scores.values().stream().mapToDouble(Score::f1).average().orElse(0);
    }
}
