package io.newsradar.gateway.search;

import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The buckets of the facets' publication histogram, bounded: from the query's {@code from} (else the earliest
 * matching article) to its {@code to} (else the latest), at the interval asked for, widened (hour, day, week, month,
 * quarter, year) until the histogram holds at most {@code maxBuckets}; when even years are too many, only the latest
 * {@code maxBuckets} years are counted. So no spread of dates, however wild, asks Elasticsearch for more buckets than
 * it allows.
 *
 * @param interval the interval the histogram is counted in
 * @param from     the first bucket's time (extended and hard bound)
 * @param to       the last counted time (extended and hard bound)
 * @param cut      whether the earliest dates fell outside the histogram because even years were too many
 */
public record HistogramPlan(CalendarInterval interval, Instant from, Instant to, boolean cut) {

    /** The widening order, each with its shortest length, so that the bucket count is never underestimated. */
    private static final List<CalendarInterval> ORDER = List.of(CalendarInterval.Hour, CalendarInterval.Day,
            CalendarInterval.Week, CalendarInterval.Month, CalendarInterval.Quarter, CalendarInterval.Year);
    private static final List<Duration> SHORTEST = List.of(Duration.ofHours(1), Duration.ofDays(1), Duration.ofDays(7),
            Duration.ofDays(28), Duration.ofDays(89), Duration.ofDays(365));

    /**
     * @param asked      the interval the client asked for
     * @param from       the histogram's first instant
     * @param to         its last instant, not before {@code from}
     * @param maxBuckets the most buckets allowed, at least 2
     */
    public static HistogramPlan of(CalendarInterval asked, Instant from, Instant to, int maxBuckets) {
        if (to.isBefore(from)) {
            to = from;
        }
        int start = Math.max(0, ORDER.indexOf(asked));
        for (int i = start; i < ORDER.size(); i++) {
            if (buckets(from, to, SHORTEST.get(i)) <= maxBuckets) {
                return new HistogramPlan(ORDER.get(i), from, to, false);
            }
        }
        // Even years are too many: the latest years, one bucket each, and a year's margin for the first partial one.
        Instant latestYears = to.atOffset(ZoneOffset.UTC).minusYears(maxBuckets - 2L).toInstant();
        return new HistogramPlan(CalendarInterval.Year, latestYears, to, true);
    }

    /** The most buckets an interval of at least {@code shortest} makes over the span, partial ones at both ends included. */
    private static long buckets(Instant from, Instant to, Duration shortest) {
        long spanSeconds = Duration.between(from, to).getSeconds();
        return spanSeconds / shortest.getSeconds() + 2;
    }

    /** The interval's name as the API spells it: {@code hour} … {@code year}. */
    public String intervalName() {
        return interval.jsonValue();
    }
}
