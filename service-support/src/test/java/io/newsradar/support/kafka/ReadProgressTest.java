package io.newsradar.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ReadProgressTest {

    private static final TopicPartition P0 = new TopicPartition("news.feeds", 0);
    private static final TopicPartition P1 = new TopicPartition("news.feeds", 1);
    /** A deadline already past: the waits answer from what is known, without waiting. */
    private static final long NOW = System.nanoTime();

    private final ReadProgress progress = new ReadProgress();

    @Test
    void isNotCaughtUpBeforeItHoldsAnyPartition() throws Exception {
        assertThat(progress.caughtUp()).isFalse();
        assertThat(progress.awaitAssigned(NOW)).isFalse();
        assertThat(progress.partitions()).isEmpty();
    }

    @Test
    void aGroupMemberGivenNothingIsCaughtUp() throws Exception {
        progress.assigned(Map.of(), Map.of());

        assertThat(progress.awaitAssigned(NOW)).isTrue();
        assertThat(progress.caughtUp()).isTrue();
    }

    @Test
    void isCaughtUpOnceEveryPartitionReachedTheEndItHadWhenGiven() throws Exception {
        // Given two partitions, one already at its end (empty), one with three records to read
        progress.assigned(Map.of(P0, 0L, P1, 3L), Map.of(P0, 0L, P1, 0L));
        assertThat(progress.caughtUp()).isFalse();

        // When the second is read to offset 2, then 3
        progress.advanced(Map.of(P1, 2L));
        boolean atTwo = progress.caughtUp();
        progress.advanced(Map.of(P1, 3L));

        // Then it is caught up only at 3
        assertThat(atTwo).isFalse();
        assertThat(progress.awaitCaughtUp(NOW)).isTrue();
        assertThat(progress.partitions()).containsExactly(P0, P1);
    }

    @Test
    void waitsForPositionsByPartitionNumberNotIncludingTheOffset() throws Exception {
        progress.assigned(Map.of(P0, 5L, P1, 5L), Map.of(P0, 0L, P1, 0L));
        progress.advanced(Map.of(P0, 4L, P1, 7L));

        assertThat(progress.awaitPositions(Map.of(1, 7L), NOW)).isTrue();
        assertThat(progress.awaitPositions(Map.of(0, 5L), NOW)).isFalse();
        assertThat(progress.awaitPositions(Map.of(0, 4L, 1, 6L), NOW)).isTrue();
        assertThat(progress.awaitPositions(Map.of(2, 0L), NOW)).as("a partition not held has no position").isFalse();
    }

    @Test
    void forgetsRevokedPartitionsAndIgnoresPositionsOfPartitionsNotHeld() throws Exception {
        progress.assigned(Map.of(P0, 2L, P1, 9L), Map.of(P0, 0L, P1, 0L));

        progress.revoked(List.of(P1));
        progress.advanced(Map.of(P0, 2L, P1, 9L));

        assertThat(progress.partitions()).containsExactly(P0);
        assertThat(progress.caughtUp()).isTrue();
        assertThat(progress.awaitPositions(Map.of(1, 1L), NOW)).isFalse();
    }

    @Test
    void aStoppedReaderLetsWaitersGoAtOnceEvenWithTimeLeft() throws Exception {
        progress.stopped();

        long inAnHour = System.nanoTime() + 3_600_000_000_000L;
        assertThat(progress.awaitAssigned(inAnHour)).isFalse();
        assertThat(progress.awaitCaughtUp(inAnHour)).isFalse();
    }
}
