package io.newsradar.classify.eval;

import io.newsradar.classify.Classifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The headline figures of a labelled set in one table: the whole set, or its parts when it is split into
 * {@link Folds} (every fold, or the tune part and the check part of one fold), each part also by language.
 * Columns: articles, pair accuracy, countries F1, regions F1, topics micro-F1 and macro-F1 (every part averaged over
 * the topics of the whole set); then each topic's F1 for the same rows.
 */
public record FoldReport(String version, String source, Folds folds, List<Row> rows) {

    /** One line of the table: a part of the set (or one language of it) and its report. */
    public record Row(String part, String lang, EvaluationReport report) {
    }

    public FoldReport {
        rows = List.copyOf(rows);
    }

    /**
     * Scores the set as a whole ({@code folds} null), every fold of it ({@code fold} 0), or the tune part (every
     * other fold) and the check part of fold {@code fold}.
     */
    public static FoldReport of(Classifier classifier, String source, EvaluationSet set, Folds folds, int fold) {
        if (folds == null && fold != 0) {
            throw new IllegalArgumentException("a fold needs the number of folds");
        }
        if (folds != null && (fold < 0 || fold > folds.count())) {
            throw new IllegalArgumentException("fold is 1 to " + folds.count() + "; was " + fold);
        }
        List<Row> rows = new ArrayList<>();
        part(classifier, "all", set, rows);
        if (folds != null && fold == 0) {
            for (int f = 1; f <= folds.count(); f++) {
                int n = f;
                part(classifier, "fold " + f, set.where(i -> folds.of(i.id()) == n), rows);
            }
        } else if (folds != null) {
            part(classifier, "tune (not fold " + fold + ")", set.where(i -> folds.of(i.id()) != fold), rows);
            part(classifier, "check (fold " + fold + ")", set.where(i -> folds.of(i.id()) == fold), rows);
        }
        return new FoldReport(classifier.version(), source, folds, rows);
    }

    private static void part(Classifier classifier, String name, EvaluationSet part, List<Row> rows) {
        rows.add(new Row(name, "", EvaluationReport.of(classifier, part)));
        Map<String, List<EvaluationSet.Item>> byLang = new TreeMap<>();
        part.items().forEach(i -> byLang.computeIfAbsent(i.lang(), l -> new ArrayList<>()).add(i));
        if (byLang.size() > 1) {
            byLang.forEach((lang, items) -> rows.add(new Row(name, lang.isEmpty() ? "?" : lang,
                    EvaluationReport.of(classifier, new EvaluationSet(items)))));
        }
    }

    /** The first row: the whole set. */
    public EvaluationReport whole() {
        return rows.get(0).report();
    }

    public String format() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("classifier %s on %s, %d articles read as pages%s%n", version, source,
                whole().articles(), folds == null ? "" : ", " + folds.count() + " folds by the SHA-256 of the id"));
        sb.append(String.format("%-22s %5s %6s %9s %8s %12s %12s%n", "part", "n", "pair", "countries", "regions",
                "topics-micro", "topics-macro"));
        for (Row row : rows) {
            EvaluationReport r = row.report();
            String name = row.lang().isEmpty() ? row.part() : "  " + row.lang();
            if (r.articles() == 0) {
                sb.append(String.format("%-22s %5d%n", name, 0));
                continue;
            }
            sb.append(String.format("%-22s %5d %6.3f %9.3f %8.3f %12.3f %12.3f%n", name, r.articles(), r.pairAccuracy(),
                    r.countries().f1(), r.regions().f1(), r.topicsMicro().f1(), r.topicsMacroF1(whole().topics().keySet())));
        }
        topicTable(sb);
        return sb.toString();
    }

    private void topicTable(StringBuilder sb) {
        List<String> topics = List.copyOf(whole().topics().keySet());
        if (topics.isEmpty()) {
            return;
        }
        sb.append(String.format("%-22s", "topic F1"));
        topics.forEach(t -> sb.append(String.format(" %12s", t)));
        sb.append(System.lineSeparator());
        for (Row row : rows) {
            if (row.report().articles() == 0) {
                continue;
            }
            sb.append(String.format("%-22s", row.lang().isEmpty() ? row.part() : "  " + row.lang()));
            topics.forEach(t -> sb.append(String.format(" %12.3f", row.report().topicsMacroF1(List.of(t)))));
            sb.append(System.lineSeparator());
        }
    }
}
