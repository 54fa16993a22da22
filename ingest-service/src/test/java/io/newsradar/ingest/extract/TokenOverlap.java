package io.newsradar.ingest.extract;

import io.newsradar.contracts.TextFolding;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Token-level precision and recall of an extracted text against the expected one, over folded word tokens. */
record TokenOverlap(double precision, double recall) {

    static TokenOverlap of(String extracted, String expected) {
        List<String> got = tokens(extracted);
        List<String> want = tokens(expected);
        Map<String, Integer> remaining = new HashMap<>();
        want.forEach(t -> remaining.merge(t, 1, Integer::sum));
        int common = 0;
        for (String t : got) {
            Integer n = remaining.get(t);
            if (n != null && n > 0) {
                remaining.put(t, n - 1);
                common++;
            }
        }
        double precision = got.isEmpty() ? (want.isEmpty() ? 1 : 0) : (double) common / got.size();
        double recall = want.isEmpty() ? 1 : (double) common / want.size();
        return new TokenOverlap(precision, recall);
    }

    double f1() {
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    static List<String> tokens(String text) {
        return Arrays.stream(TextFolding.fold(text).split("[^\\p{L}\\p{N}]+")).filter(t -> !t.isEmpty()).toList();
    }
}
