package io.newsradar.story.event;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * How likely two articles report the same event: the weighted overlap (a cosine) of the names and numbers they share,
 * each weighted by how rare it is in the window; zero when their dates are more than the window apart or their
 * classified country pairs differ.
 */
final class SameEventScore {

    static final int WINDOW_DAYS = 7;

    private SameEventScore() {
    }

    record Result(double score, List<String> sharedNames, List<String> sharedNumbers) {
        static final Result NONE = new Result(0, List.of(), List.of());
    }

    static Result score(Signature a, Signature b, ToDoubleFunction<String> weight) {
        if (!compatibleDates(a, b) || !compatiblePairs(a, b)) {
            return Result.NONE;
        }
        List<String> names = shared(a.names(), b.names());
        List<String> numbers = shared(a.numbers(), b.numbers());
        double common = 0;
        for (String t : names) {
            common += weight.applyAsDouble(t);
        }
        for (String t : numbers) {
            common += weight.applyAsDouble(t);
        }
        double norm = Math.sqrt(total(a, weight) * total(b, weight));
        return norm == 0 ? Result.NONE : new Result(common / norm, names, numbers);
    }

    private static boolean compatibleDates(Signature a, Signature b) {
        if (!a.dated() || !b.dated()) {
            return true;
        }
        long days = Math.abs(ChronoUnit.DAYS.between(a.day(), b.day()));
        if (a.monthOnly() || b.monthOnly()) {
            return days <= 31 + WINDOW_DAYS;
        }
        return days <= WINDOW_DAYS;
    }

    private static boolean compatiblePairs(Signature a, Signature b) {
        return a.pair() == null || b.pair() == null || a.pair().equals(b.pair());
    }

    private static List<String> shared(Set<String> a, Set<String> b) {
        List<String> out = new ArrayList<>();
        for (String t : a) {
            if (b.contains(t)) {
                out.add(t);
            }
        }
        out.sort(null);
        return out;
    }

    private static double total(Signature s, ToDoubleFunction<String> weight) {
        double sum = 0;
        for (String t : s.names()) {
            sum += weight.applyAsDouble(t);
        }
        for (String t : s.numbers()) {
            sum += weight.applyAsDouble(t);
        }
        return sum;
    }
}
