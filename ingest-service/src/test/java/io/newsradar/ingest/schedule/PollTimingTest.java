package io.newsradar.ingest.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsradar.ingest.fetch.CacheHints;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PollTimingTest {

    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    private static final CacheHints NONE = new CacheHints(null, null, null);
    private final PollTiming timing = new PollTiming(new PollTiming.Settings(Duration.ofMinutes(5), Duration.ofMinutes(1),
            Duration.ofHours(1), 0, Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofHours(24)), new Random(1));

    private static List<Instant> everyMinutes(int minutes, int count) {
        return IntStream.range(0, count).mapToObj(i -> NOW.minus(Duration.ofMinutes((long) minutes * i))).toList();
    }

    @Test
    void aFeedWithNoSignalIsPolledAtTheDefaultInterval() {
        assertThat(timing.afterSuccess(null, null, List.of(), NONE, List.of(), NOW).at()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
    }

    @Test
    void aFeedIsPolledAsOftenAsItPublishesWithinTheBounds() {
        assertThat(timing.afterSuccess(null, null, List.of(), NONE, everyMinutes(3, 8), NOW).at()).isEqualTo(NOW.plus(Duration.ofMinutes(3)));
        assertThat(timing.afterSuccess(null, null, List.of(), NONE, everyMinutes(600, 8), NOW).at()).as("a daily feed, capped")
                .isEqualTo(NOW.plus(Duration.ofHours(1)));
        assertThat(timing.afterSuccess(null, null, List.of(), NONE, everyMinutes(0, 8), NOW).at()).as("items all at once say nothing")
                .isEqualTo(NOW.plus(Duration.ofMinutes(5)));
    }

    @Test
    void theFeedsOwnConfiguredIntervalBeatsItsCadence() {
        assertThat(timing.afterSuccess(Duration.ofMinutes(20), null, List.of(), NONE, everyMinutes(2, 8), NOW).at())
                .isEqualTo(NOW.plus(Duration.ofMinutes(20)));
    }

    @Test
    void neverPollsSoonerThanTheFeedAsksThroughTtlUpdatePeriodCacheControlOrExpires() {
        assertThat(timing.afterSuccess(null, null, Arrays.asList(Duration.ofMinutes(30), null), NONE, List.of(), NOW).at())
                .as("ttl").isEqualTo(NOW.plus(Duration.ofMinutes(30)));
        assertThat(timing.afterSuccess(null, null, List.of(Duration.ofMinutes(15)), NONE, List.of(), NOW).at())
                .as("sy:updatePeriod").isEqualTo(NOW.plus(Duration.ofMinutes(15)));
        assertThat(timing.afterSuccess(null, null, List.of(), new CacheHints(Duration.ofMinutes(10), null, null), List.of(), NOW).at())
                .as("max-age").isEqualTo(NOW.plus(Duration.ofMinutes(10)));
        assertThat(timing.afterSuccess(null, null, List.of(), new CacheHints(null, NOW.plus(Duration.ofMinutes(40)), NOW), List.of(), NOW).at())
                .as("Expires").isEqualTo(NOW.plus(Duration.ofMinutes(40)));
        assertThat(timing.afterSuccess(null, null, List.of(Duration.ofDays(7)), NONE, List.of(), NOW).at())
                .as("a week-long ttl is capped by max-interval").isEqualTo(NOW.plus(Duration.ofHours(1)));
    }

    @Test
    void aFeedAnswering304KeepsTheIntervalItsLastFullFetchChose() {
        PollTiming.Planned full = timing.afterSuccess(null, null, List.of(Duration.ofMinutes(30)), NONE, List.of(), NOW);

        PollTiming.Planned notModified = timing.afterSuccess(null, full.interval(), List.of(), NONE, List.of(), NOW);

        assertThat(full.interval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(notModified.at()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
    }

    @Test
    void jitterNeverTakesAPollBelowTheFeedsFloorOrAboveTheMaximum() {
        PollTiming jittered = new PollTiming(new PollTiming.Settings(Duration.ofMinutes(10), Duration.ofMinutes(1),
                Duration.ofHours(1), 0.5, Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofHours(24)), new Random(3));

        List<Instant> next = IntStream.range(0, 200).mapToObj(i -> jittered.afterSuccess(null, null,
                List.of(Duration.ofMinutes(40)), NONE, List.of(), NOW).at()).toList();

        assertThat(next).allSatisfy(at -> assertThat(at).isBetween(NOW.plus(Duration.ofMinutes(40)), NOW.plus(Duration.ofHours(1))));
    }

    @Test
    void temporaryFailuresBackOffExponentiallyAndAreFailingAtTheCeiling() {
        assertThat(timing.afterFailure(1, true, null, NOW)).isEqualTo(new PollTiming.Next(NOW.plus(Duration.ofMinutes(1)), false));
        assertThat(timing.afterFailure(3, true, null, NOW)).isEqualTo(new PollTiming.Next(NOW.plus(Duration.ofMinutes(4)), false));
        assertThat(timing.afterFailure(7, true, null, NOW)).isEqualTo(new PollTiming.Next(NOW.plus(Duration.ofHours(1)), true));
        assertThat(timing.afterFailure(50, true, null, NOW)).isEqualTo(new PollTiming.Next(NOW.plus(Duration.ofHours(1)), true));
    }

    @Test
    void permanentFailuresBackOffToTheirOwnCeilingAndAFeedThereIsStillPolled() {
        PollTiming.Next next = timing.afterFailure(20, false, null, NOW);

        assertThat(next.failing()).isTrue();
        assertThat(next.at()).isEqualTo(NOW.plus(Duration.ofHours(24)));
        assertThat(timing.afterFailure(5, false, null, NOW).failing()).isFalse();
    }

    @Test
    void aRetryAfterLongerThanTheBackoffWins() {
        assertThat(timing.afterFailure(1, true, Duration.ofMinutes(15), NOW).at()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
        assertThat(timing.afterFailure(1, true, Duration.ofSeconds(5), NOW).at()).isEqualTo(NOW.plus(Duration.ofMinutes(1)));
        assertThat(timing.afterFailure(1, true, Duration.ofDays(3650), NOW).at()).as("but not beyond the permanent ceiling")
                .isEqualTo(NOW.plus(Duration.ofHours(24)));
    }

    @Test
    void jitterSpreadsIntervalsWithinItsFraction() {
        PollTiming jittered = new PollTiming(new PollTiming.Settings(Duration.ofMinutes(10), Duration.ofMinutes(1),
                Duration.ofHours(1), 0.2, Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofHours(24)), new Random(7));

        List<Instant> next = IntStream.range(0, 200)
                .mapToObj(i -> jittered.afterSuccess(null, null, List.of(), NONE, List.of(), NOW).at()).toList();

        assertThat(next).allSatisfy(at -> assertThat(at).isBetween(NOW.plus(Duration.ofMinutes(8)), NOW.plus(Duration.ofMinutes(12))));
        assertThat(next.stream().distinct().count()).as("not all the same").isGreaterThan(100);
    }

    @Test
    void refusesBoundsThatContradictEachOther() {
        assertThatThrownBy(() -> new PollTiming.Settings(Duration.ofMinutes(5), Duration.ofHours(2), Duration.ofHours(1), 0,
                Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofHours(24)))
                .hasMessage("min-interval PT2H is longer than max-interval PT1H");
    }
}
