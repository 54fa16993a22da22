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
 * gap between its newest items), else the interval chosen at its last full fetch (while it answers 304), else the
 * default; never sooner than the feed itself asks ({@code ttl}, {@code sy:updatePeriod}, {@code Cache-Control:
 * max-age}, {@code Expires}); always within [{@code minInterval}, {@code maxInterval}]; spread by a random jitter so
 * feeds added together drift apart. The jitter never takes a poll below those floors.
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
     * @param backoffInitial      the wait after the first failure (never below minInterval)
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
            if (minInterval.compareTo(temporaryBackoffMax) > 0 || minInterval.compareTo(permanentBackoffMax) > 0) {
                throw new IllegalArgumentException("min-interval " + minInterval + " is longer than a backoff ceiling ("
                        + temporaryBackoffMax + ", " + permanentBackoffMax + ")");
            }
            if (!(jitter >= 0 && jitter <= 0.5)) {
                throw new IllegalArgumentException("jitter must be between 0 and 0.5, was " + jitter);
            }
        }
    }

    /** The next poll and whether the feed now counts as failing. */
    public record Next(Instant at, boolean failing) {
    }

    /** The next poll after a success, and the interval chosen before jitter, to reuse while the feed answers 304. */
    public record Planned(Instant at, Duration interval) {
    }

    public PollTiming(Settings settings, RandomGenerator random) {
        this.settings = Objects.requireNonNull(settings);
        this.random = Objects.requireNonNull(random);
    }

    /**
     * @param configured  the feed's own configured interval, or {@code null}
     * @param previous    the interval chosen at the last full fetch, or {@code null}
     * @param feedSignals intervals the document asks for ({@code ttl}, {@code sy:updatePeriod}), nulls allowed
     * @param itemTimes   publication times of the document's items, any order, nulls allowed
     */
    public Planned afterSuccess(Duration configured, Duration previous, List<Duration> feedSignals, CacheHints cache,
            List<Instant> itemTimes, Instant now) {
        Duration floor = settings.minInterval();
        for (Duration asked : feedSignals) {
            floor = longer(floor, asked);
        }
        floor = longer(floor, cache.maxAge());
        if (cache.expires() != null) {
            floor = longer(floor, Duration.between(cache.date() != null ? cache.date() : now, cache.expires()));
        }
        floor = shorter(floor, settings.maxInterval());
        Duration base = configured != null ? configured
                : cadence(itemTimes).orElse(previous != null ? previous : settings.defaultInterval());
        Duration interval = clamp(base, floor, settings.maxInterval());
        return new Planned(now.plus(clamp(jittered(interval), floor, settings.maxInterval())), interval);
    }

    /**
     * @param retryAfter what the server asked for, or {@code null}; honoured up to the longer backoff ceiling, so a
     *                   server cannot take a feed out of polling
     */
    public Next afterFailure(int consecutiveFailures, boolean temporary, Duration retryAfter, Instant now) {
        Duration ceiling = temporary ? settings.temporaryBackoffMax() : settings.permanentBackoffMax();
        Duration backoff = settings.backoffInitial();
        for (int i = 1; i < consecutiveFailures && backoff.compareTo(ceiling) < 0; i++) {
            backoff = backoff.multipliedBy(2);
        }
        boolean failing = backoff.compareTo(ceiling) >= 0;
        Duration floor = settings.minInterval();
        if (retryAfter != null) {
            floor = longer(floor, shorter(retryAfter, longer(settings.temporaryBackoffMax(), settings.permanentBackoffMax())));
        }
        Duration wait = clamp(jittered(clamp(backoff, settings.minInterval(), ceiling)), settings.minInterval(), ceiling);
        return new Next(now.plus(longer(wait, floor)), failing);
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

    private static Duration shorter(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration clamp(Duration d, Duration min, Duration max) {
        return d.compareTo(min) < 0 ? min : d.compareTo(max) > 0 ? max : d;
    }
}
