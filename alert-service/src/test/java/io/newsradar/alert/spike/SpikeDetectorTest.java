package io.newsradar.alert.spike;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsradar.contracts.AlertDelivery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;

/** The spike rule on synthetic hourly series: each test writes its series as a function of the hour. */
class SpikeDetectorTest {

    private static final Instant START = Instant.parse("2026-10-01T00:00:00Z");
    /** An ordinary search's wobble: about two articles an hour (mean 1.92, sd 1.04). */
    private static final int[] WOBBLE = {2, 1, 3, 2, 2, 0, 3, 1, 2, 4, 2, 1};
    /** A quiet search: an article every few hours. */
    private static final int[] QUIET = {0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 1};

    private final SpikeDetector detector = new SpikeDetector(SpikeRule.DEFAULT);

    @Test
    void aStepRaisesOneSpikeAtTheStepAndNoneOnceItIsTheNewLevel() {
        int step = 7 * 24;
        List<AlertDelivery.Spike> spikes = feed("s", 21 * 24, h -> wobble(h) + (h >= step ? 18 : 0));

        assertThat(spikes).hasSize(1);
        assertThat(spikes.get(0).hour()).isEqualTo(hour(step));
        assertThat(spikes.get(0).count()).isEqualTo(6);
        assertThat(spikes.get(0).mean()).isBetween(1.8, 2.0);
        assertThat(spikes.get(0).historyHours()).isEqualTo(step);
    }

    @Test
    void aSingleOutlierRaisesOneSpikeAtItsHourAndTheSeriesGoesOnQuietly() {
        int outlier = 5 * 24 + 7;
        List<AlertDelivery.Spike> spikes = feed("s", 10 * 24, h -> h == outlier ? 15 : wobble(h));

        assertThat(spikes).extracting(AlertDelivery.Spike::hour).containsExactly(hour(outlier));
    }

    @Test
    void twoOutliersDaysApartAreTwoSpikes() {
        List<AlertDelivery.Spike> spikes = feed("s", 10 * 24, h -> h == 3 * 24 || h == 6 * 24 ? 15 : wobble(h));

        assertThat(spikes).extracting(AlertDelivery.Spike::hour).containsExactly(hour(3 * 24), hour(6 * 24));
    }

    @Test
    void aSlowRiseIsNoSpike() {
        // a week at two an hour, then two weeks rising to about fourteen an hour
        List<AlertDelivery.Spike> spikes = feed("s", 21 * 24, h -> wobble(h) + (h < 7 * 24 ? 0 : (h - 7 * 24) / 28));

        assertThat(spikes).isEmpty();
    }

    @Test
    void aQuietSearchDoesNotAlarmOnThreeArticlesButDoesOnARealBurst() {
        List<AlertDelivery.Spike> three = feed("three", 6 * 24, h -> h == 4 * 24 ? 3 : quiet(h));
        List<AlertDelivery.Spike> eight = feed("eight", 6 * 24, h -> h == 4 * 24 ? 8 : quiet(h));

        assertThat(three).as("under the floor of 5").isEmpty();
        assertThat(eight).extracting(AlertDelivery.Spike::hour).containsExactly(hour(4 * 24));
        assertThat(eight.get(0).count()).isEqualTo(5);
    }

    @Test
    void aNewSearchWithoutADayOfHistoryRaisesNothing() {
        List<AlertDelivery.Spike> firstHour = feed("first", 1, h -> 40);
        List<AlertDelivery.Spike> afterHalfADay = feed("half", 13, h -> h == 12 ? 40 : wobble(h));
        List<AlertDelivery.Spike> afterADay = feed("day", 25, h -> h == 24 ? 40 : wobble(h));

        assertThat(firstHour).isEmpty();
        assertThat(afterHalfADay).isEmpty();
        assertThat(afterADay).as("with a day of history the same burst is a spike").hasSize(1);
    }

    @Test
    void anHourIsOneSpikeHowEverManyArticlesComeInIt() {
        feed("s", 3 * 24, this::wobble);
        Instant burst = hour(3 * 24);
        List<AlertDelivery.Spike> spikes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Instant at = burst.plusSeconds(i * 10);
            detector.record("s", at, at).ifPresent(spikes::add);
        }
        // late articles published in that hour, seen in the next
        for (int i = 0; i < 20; i++) {
            detector.record("s", burst.plusSeconds(i), burst.plus(Duration.ofMinutes(70))).ifPresent(spikes::add);
        }

        assertThat(spikes).hasSize(1);
        assertThat(spikes.get(0).hour()).isEqualTo(burst);
    }

    @Test
    void searchesHaveBaselinesOfTheirOwn() {
        int burst = 4 * 24;
        List<AlertDelivery.Spike> quiet = feed("quiet", 6 * 24, h -> h == burst ? 12 : quiet(h));
        List<AlertDelivery.Spike> busy = feed("busy", 6 * 24, h -> 10 + wobble(h));

        assertThat(quiet).hasSize(1);
        assertThat(busy).as("twelve an hour is ordinary for a search at ten").isEmpty();
    }

    @Test
    void aReplayOfOldArticlesFillsTheHistoryWithoutRaisingSpikesForHoursLongGone() {
        Instant seen = hour(30 * 24);
        List<AlertDelivery.Spike> spikes = new ArrayList<>();
        for (int h = 0; h < 6 * 24; h++) {
            int count = h == 5 * 24 ? 20 : wobble(h);
            for (int i = 0; i < count; i++) {
                detector.record("s", hour(h).plusSeconds(i), seen).ifPresent(spikes::add);
            }
        }

        assertThat(spikes).isEmpty();
    }

    @Test
    void anArticleOlderThanTheHistoryIsNotCountedAndRemovedSearchesAreDropped() {
        feed("s", 30 * 24, this::wobble);
        feed("gone", 2, this::wobble);

        assertThat(detector.record("s", hour(0), hour(30 * 24))).isEmpty();
        assertThat(detector.size()).isEqualTo(2);
        detector.retainOnly(Set.of("s"));
        assertThat(detector.size()).isEqualTo(1);
    }

    @Test
    void aPublishedTimeAfterTheArticleWasSeenCountsAtTheTimeItWasSeen() {
        Instant seen = Instant.parse("2026-11-20T09:40:00Z");

        assertThat(SpikeDetector.countedAt(Instant.parse("2026-11-20T08:10:00Z"), seen)).isEqualTo("2026-11-20T08:10:00Z");
        assertThat(SpikeDetector.countedAt(Instant.parse("2026-11-21T09:00:00Z"), seen)).isEqualTo(seen);
        assertThat(SpikeDetector.countedAt(null, seen)).isEqualTo(seen);
    }

    @Test
    void aRuleThatCouldNotWorkIsRefused() {
        assertThatThrownBy(() -> new SpikeRule(0, 3, 2, 24, 24)).hasMessageContaining("floor");
        assertThatThrownBy(() -> new SpikeRule(5, 3, 0.5, 24, 24)).hasMessageContaining("ratio");
        assertThatThrownBy(() -> new SpikeRule(5, 3, 2, 24 * 28, 24)).hasMessageContaining("minimum history");
        assertThatThrownBy(() -> new SpikeRule(5, 3, 2, 24, 48)).hasMessageContaining("recent hours");
    }

    /** Feeds {@code hours} hours of matches to one search, each hour's spread over it, and collects the spikes. */
    private List<AlertDelivery.Spike> feed(String searchId, int hours, IntUnaryOperator countOfHour) {
        List<AlertDelivery.Spike> spikes = new ArrayList<>();
        for (int h = 0; h < hours; h++) {
            int count = countOfHour.applyAsInt(h);
            for (int i = 0; i < count; i++) {
                Instant at = hour(h).plusSeconds(3600L * i / count);
                detector.record(searchId, at, at).ifPresent(spikes::add);
            }
        }
        return spikes;
    }

    private int wobble(int hour) {
        return WOBBLE[hour % WOBBLE.length];
    }

    private static int quiet(int hour) {
        return QUIET[hour % QUIET.length];
    }

    private static Instant hour(int h) {
        return START.plus(Duration.ofHours(h));
    }
}
