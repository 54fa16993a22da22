package io.newsradar.ingest.schedule;

import io.newsradar.ingest.fetch.CacheHints;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When a feed is polled next.
 *
 * <p>After a success: the feed's configured interval if it has one, else how often it actually publishes (the median
 * gap between its newest items), else the default; never sooner than the feed itself asks ({@code ttl},
 * {@code sy:updatePeriod}, {@code Cache-Control: max-age}, {@code Expires}, {@code Retry-After}); always within
 * [{@code minInterval}, {@code maxInterval}]; spread by a random jitter so feeds added together drift apart.
 *
 * <p>After a failure: exponential backoff from {@code backoffInitial}, doubled per consecutive failure, up to
 * {@code temporaryBackoffMax} for temporary failures (timeouts, 5xx, 429) and {@code permanentBackoffMax} for
 * permanent ones (404, 410, not a feed, refused by the fetch policy); a {@code Retry-After} longer than the backoff
 * wins. A feed whose backoff has reached its ceiling is <em>failing</em>: it is still polled, at the ceiling, and says
 * so in its state and in the metrics.
 */
public final class PollTiming {

    private static final int ITEMS_FOR_CADENCE = 10;

    private final Settings settings;
    private final RandomGenerator random;

    /**
     * @param defaultInterval     the interval of a feed that gives no better signal
     * @param minInterval         no feed is polled more often than this
     * @param maxInterval         no healthy feed is polled less often than this
     * @param jitter              the fraction an interval is spread by, in [0, 0.5]
     * @param backoffInitial      the wait after the first failure
     * @param temporaryBackoffMax the ceiling for temporary failures
     * @param permanentBackoffMax the ceiling for permanent failures
     */
    public record Settings(Duration defaultInterval, Duration minInterval, Duration maxInterval, double jitter,
            Duration backoffInitial, Duration temporaryBackoffMax, Duration permanentBackoffMax) {

        public Settings {
            for (Duration d : List.of(defaultInterval, minInterval, maxInterval, backoffInitial, temporaryBackoffMax,
                    permanentBackoffMax)) {
                if (d.isNegative() || d.isZero()) {
                    throw new IllegalArgumentException("poll intervals and backoffs must be positive, was " + d);
                }
            }
            if (minInterval.compareTo(maxInterval) > 0) {
                throw new IllegalArgumentException("min-interval " + minInterval + " is longer than max-interval " + maxInterval);
            }
            if (!(jitter >= 0 && jitter <= 0.5)) {
                throw new IllegalArgumentException("jitter must be between 0 and 0.5, was " + jitter);
            }
        }
    }

    /** The next poll and whether the feed now counts as failing. */
    public record Next(Instant at, boolean failing) {
    }

    public PollTiming(Settings settings, RandomGenerator random) {
        this.settings = Objects.requireNonNull(settings);
        this.random = Objects.requireNonNull(random);
    }

    /**
     * @param configured  the feed's own configured interval, or {@code null}
     * @param feedSignals intervals the document asks for ({@code ttl}, {@code sy:updatePeriod}), nulls allowed
     * @param itemTimes   publication times of the document's items, any order, nulls allowed
     */
    public Instant afterSuccess(Duration configured, List<Duration> feedSignals, CacheHints cache, List<Instant> itemTimes,
            Instant now) {
        Duration interval = configured != null ? configured : cadence(itemTimes).orElse(settings.defaultInterval());
        for (Duration asked : feedSignals) {
            interval = longer(interval, asked);
        }
        interval = longer(interval, cache.maxAge());
        if (cache.expires() != null) {
            interval = longer(interval, Duration.between(cache.date() != null ? cache.date() : now, cache.expires()));
        }
        return now.plus(jittered(clamp(interval, settings.minInterval(), settings.maxInterval())));
    }

    /** @param retryAfter what the server asked for, or {@code null} */
    public Next afterFailure(int consecutiveFailures, boolean temporary, Duration retryAfter, Instant now) {
        Duration ceiling = temporary ? settings.temporaryBackoffMax() : settings.permanentBackoffMax();
        Duration backoff = settings.backoffInitial();
        for (int i = 1; i < consecutiveFailures && backoff.compareTo(ceiling) < 0; i++) {
            backoff = backoff.multipliedBy(2);
        }
        boolean failing = backoff.compareTo(ceiling) >= 0;
        backoff = longer(clamp(backoff, settings.minInterval(), ceiling), retryAfter);
        return new Next(now.plus(jittered(clamp(backoff, settings.minInterval(), longer(ceiling, settings.maxInterval())))),
                failing);
    }

    /** The median gap between the newest items, when there are at least three with times. */
    Optional<Duration> cadence(List<Instant> itemTimes) {
        List<Instant> times = new ArrayList<>();
        for (Instant t : itemTimes) {
            if (t != null) {
                times.add(t);
            }
        }
        times.sort(Collections.reverseOrder());
        times = times.subList(0, Math.min(times.size(), ITEMS_FOR_CADENCE));
        if (times.size() < 3) {
            return Optional.empty();
        }
        List<Duration> gaps = new ArrayList<>();
        for (int i = 1; i < times.size(); i++) {
            gaps.add(Duration.between(times.get(i), times.get(i - 1)));
        }
        Collections.sort(gaps);
        Duration median = gaps.get(gaps.size() / 2);
        return median.isZero() ? Optional.empty() : Optional.of(median);
    }

    private Duration jittered(Duration interval) {
        if (settings.jitter() == 0) {
            return interval;
        }
        double factor = 1 + settings.jitter() * (2 * random.nextDouble() - 1);
        return Duration.ofMillis(Math.round(interval.toMillis() * factor));
    }

    private static Duration longer(Duration a, Duration b) {
        return b == null || a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration clamp(Duration d, Duration min, Duration max) {
        return d.compareTo(min) < 0 ? min : d.compareTo(max) > 0 ? max : d;
    }
}
