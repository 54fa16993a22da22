package io.newsradar.alert.spike;

import io.newsradar.contracts.AlertDelivery;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the hours in which a saved search matches far more articles than it usually does. Every match is counted in
 * its hour (the article's published hour, or the hour it was seen when it has no published time or one after it was
 * seen) in the search's own {@link HourlySeries}: four weeks of hourly counts. The hour's count is then judged by the
 * {@link SpikeRule} against the mean and standard deviation of the hours before it in that history.
 *
 * <p>A run of consecutive hours over their thresholds is one spike, raised once, at its first hour: a step to a new
 * level raises one spike at the step, and the level stops being one as it enters the recent hours and the baseline. So there is at most one spike per search per hour, and usually far fewer.
 * Spikes are raised only for the hour an article was seen in and the one before (a late article may complete the last
 * hour): a replay of old articles fills the history without raising spikes for hours long gone.
 *
 * <p>Memory: one series per search that has matched at least once, about 3.4 KB each (672 counts and 672 flags);
 * {@link #retainOnly} drops the series of removed searches. Synchronized: matching batches may run on several threads.
 */
public final class SpikeDetector {

    /** The history a baseline covers at most: four weeks of hours. */
    public static final int HISTORY_HOURS = 28 * 24;

    private static final long SECONDS_PER_HOUR = 3600;

    private final SpikeRule rule;
    private final Map<String, HourlySeries> series = new HashMap<>();

    public SpikeDetector(SpikeRule rule) {
        this.rule = rule;
    }

    /**
     * The time a match is counted at: the article's published time, or the time it was seen when it has none or
     * claims one after it was seen (a feed's clock or time zone gone wrong).
     */
    public static Instant countedAt(Instant publishedAt, Instant seenAt) {
        return publishedAt == null || publishedAt.isAfter(seenAt) ? seenAt : publishedAt;
    }

    /**
     * Counts one match of a search and tells whether it made its hour a spike.
     *
     * @param searchId the search that matched
     * @param at       when the article counts ({@link #countedAt})
     * @param seenAt   when the article was seen
     * @return the spike this match raised, or empty (no spike, an hour already over its threshold, or an hour too
     *         old to count: more than four weeks before the search's newest)
     */
    public synchronized Optional<AlertDelivery.Spike> record(String searchId, Instant at, Instant seenAt) {
        long hour = Math.floorDiv(at.getEpochSecond(), SECONDS_PER_HOUR);
        HourlySeries hours = series.get(searchId);
        if (hours == null) {
            hours = new HourlySeries(hour);
            series.put(searchId, hours);
        } else if (!hours.holds(hour)) {
            return Optional.empty();
        }
        int count = hours.add(hour);
        int history = hours.historyBefore(hour);
        if (count < rule.floor() || history < rule.minHistoryHours() || hours.over(hour)) {
            return Optional.empty();
        }
        double[] baseline = hours.baselineBefore(hour, history);
        double recentMean = hours.baselineBefore(hour, rule.recentHours())[0];
        if (count < rule.threshold(baseline[0], baseline[1], recentMean)) {
            return Optional.empty();
        }
        hours.markOver(hour);
        long seenHour = Math.floorDiv(seenAt.getEpochSecond(), SECONDS_PER_HOUR);
        if (hours.over(hour - 1) || hour < seenHour - 1) {
            return Optional.empty();
        }
        return Optional.of(new AlertDelivery.Spike(Instant.ofEpochSecond(hour * SECONDS_PER_HOUR), count, baseline[0],
                baseline[1], history));
    }

    /** Drops the series of every search not in this set (removed searches). */
    public synchronized void retainOnly(Set<String> searchIds) {
        series.keySet().retainAll(searchIds);
    }

    /** How many searches have a series. */
    public synchronized int size() {
        return series.size();
    }
}
