package io.newsradar.classify.eval;

import io.newsradar.classify.Classification;
import io.newsradar.classify.Classifier;
import io.newsradar.contracts.CountryTag;
import io.newsradar.contracts.RegionTag;
import io.newsradar.contracts.TopicTag;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** How the classifier does on a labelled set: pair accuracy, precision/recall/F1 per kind of tag, and the mistakes. */
public record EvaluationReport(String version, int articles, int pairsRight, Score countries, Score regions,
                               Map<String, Score> topics, List<String> mistakes) {

    /** Counts of true positives, false positives and false negatives. */
    public record Score(int tp, int fp, int fn) {

        Score plus(Score other) {
            return new Score(tp + other.tp, fp + other.fp, fn + other.fn);
        }

        public double precision() {
            return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
        }

        public double recall() {
            return tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
        }

        static Score of(Set<String> expected, Set<String> actual) {
            int tp = 0;
            for (String a : actual) {
                if (expected.contains(a)) {
                    tp++;
                }
            }
            return new Score(tp, actual.size() - tp, expected.size() - tp);
        }
    }

    public static EvaluationReport of(Classifier classifier, EvaluationSet set) {
        int pairsRight = 0;
        Score countries = new Score(0, 0, 0);
        Score regions = new Score(0, 0, 0);
        Map<String, Score> topics = new TreeMap<>();
        List<String> mistakes = new ArrayList<>();
        for (EvaluationSet.Item item : set.items()) {
            Classification c = item.input().classify(classifier);
            EvaluationSet.Labels expected = item.labels();
            String pair = c.pair() == null ? null : c.pair().code();
            Set<String> gotCountries = c.countries().stream().map(CountryTag::code).collect(Collectors.toCollection(TreeSet::new));
            Set<String> gotRegions = c.regions().stream().map(RegionTag::code).collect(Collectors.toCollection(TreeSet::new));
            Set<String> gotTopics = c.topics().stream().map(TopicTag::topic).collect(Collectors.toCollection(TreeSet::new));
            boolean pairRight = java.util.Objects.equals(expected.pair(), pair);
            if (pairRight) {
                pairsRight++;
            }
            countries = countries.plus(Score.of(expected.countries(), gotCountries));
            regions = regions.plus(Score.of(expected.regions(), gotRegions));
            Set<String> allTopics = new TreeSet<>(expected.topics());
            allTopics.addAll(gotTopics);
            for (String topic : allTopics) {
                topics.merge(topic, Score.of(expected.topics().contains(topic) ? Set.of(topic) : Set.of(),
                        gotTopics.contains(topic) ? Set.of(topic) : Set.of()), Score::plus);
            }
            List<String> wrong = new ArrayList<>();
            if (!pairRight) {
                wrong.add("pair " + or(expected.pair()) + " → " + or(pair));
            }
            diff("countries", expected.countries(), gotCountries, wrong);
            diff("regions", expected.regions(), gotRegions, wrong);
            diff("topics", expected.topics(), gotTopics, wrong);
            if (!wrong.isEmpty()) {
                mistakes.add(item.id() + " [" + item.split() + "] " + String.join("; ", wrong));
            }
        }
        return new EvaluationReport(classifier.version(), set.items().size(), pairsRight, countries, regions, topics, mistakes);
    }

    public double pairAccuracy() {
        return articles == 0 ? 0 : (double) pairsRight / articles;
    }

    public Score topicsMicro() {
        return topics.values().stream().reduce(new Score(0, 0, 0), Score::plus);
    }

    /**
     * The mean of the topics' F1, each topic counting alike: a rare topic tagged badly shows here when the micro
     * figure, dominated by the common ones, hides it. The topics are those labelled or tagged in the set.
     */
    public double topicsMacroF1() {
        return topicsMacroF1(topics.keySet());
    }

    /**
     * The mean F1 over the given topics; a topic neither labelled nor tagged here counts as right (F1 1), so that the
     * parts of a set are averaged over the same topics as the whole.
     */
    public double topicsMacroF1(Collection<String> over) {
        return over.isEmpty() ? 1.0 : over.stream().mapToDouble(t -> topics.getOrDefault(t, new Score(0, 0, 0)).f1()).average().orElse(1.0);
    }

    /** The headline figures by name, as the quality floor lists them. */
    public Map<String, Double> figures() {
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("pair.accuracy", pairAccuracy());
        figures.put("countries.f1", countries.f1());
        figures.put("regions.f1", regions.f1());
        figures.put("topics.micro.f1", topicsMicro().f1());
        topics.forEach((topic, score) -> figures.put("topic." + topic + ".f1", score.f1()));
        return figures;
    }

    public String format(boolean withMistakes) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("classifier %s on %d articles%n", version, articles));
        sb.append(String.format("  pair accuracy      %.3f  (%d/%d)%n", pairAccuracy(), pairsRight, articles));
        sb.append(String.format("  %-18s %9s %9s %9s %5s %5s %5s%n", "", "precision", "recall", "F1", "tp", "fp", "fn"));
        line(sb, "countries", countries);
        line(sb, "regions", regions);
        topics.forEach((topic, score) -> line(sb, "topic " + topic, score));
        line(sb, "topics (micro)", topicsMicro());
        if (withMistakes) {
            sb.append(String.format("mistakes (%d):%n", mistakes.size()));
            mistakes.forEach(m -> sb.append("  ").append(m).append(System.lineSeparator()));
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String name, Score s) {
        sb.append(String.format("  %-18s %9.3f %9.3f %9.3f %5d %5d %5d%n", name, s.precision(), s.recall(), s.f1(), s.tp(), s.fp(), s.fn()));
    }

    private static void diff(String what, Set<String> expected, Set<String> actual, List<String> out) {
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(actual);
        Set<String> extra = new TreeSet<>(actual);
        extra.removeAll(expected);
        if (!missing.isEmpty() || !extra.isEmpty()) {
            StringBuilder sb = new StringBuilder(what);
            missing.forEach(m -> sb.append(" -").append(m));
            extra.forEach(e -> sb.append(" +").append(e));
            out.add(sb.toString());
        }
    }

    private static String or(String pair) {
        return pair == null ? "none" : pair;
    }
}
