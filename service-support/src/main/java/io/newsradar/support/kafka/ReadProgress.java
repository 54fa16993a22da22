package io.newsradar.support.kafka;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a {@link KafkaReader} has read: the partitions it holds, the end each had when it was given them, and the
 * position reached in each. Written on the reader's thread, waited on by any other; plain Java, no Kafka client.
 */
final class ReadProgress {

    private final Object lock = new Object();
    private final Map<TopicPartition, Long> ends = new HashMap<>();
    private final Map<TopicPartition, Long> positions = new HashMap<>();
    private boolean assigned;
    private boolean stopped;

    /** Partitions given, with their ends then and the positions they are read from. */
    void assigned(Map<TopicPartition, Long> endsNow, Map<TopicPartition, Long> positionsNow) {
        synchronized (lock) {
            ends.putAll(endsNow);
            positions.putAll(positionsNow);
            assigned = true;
            lock.notifyAll();
        }
    }

    void revoked(Collection<TopicPartition> partitions) {
        synchronized (lock) {
            partitions.forEach(p -> {
                ends.remove(p);
                positions.remove(p);
            });
            lock.notifyAll();
        }
    }

    /** The positions reached after a poll; partitions whose position is not known yet are left out. */
    void advanced(Map<TopicPartition, Long> positionsNow) {
        synchronized (lock) {
            positionsNow.forEach((p, offset) -> {
                if (ends.containsKey(p)) {
                    positions.put(p, offset);
                }
            });
            lock.notifyAll();
        }
    }

    /** The reader will read no more: waiters give up at once. */
    void stopped() {
        synchronized (lock) {
            stopped = true;
            lock.notifyAll();
        }
    }

    /** The partitions held now, in partition order. */
    List<TopicPartition> partitions() {
        synchronized (lock) {
            return ends.keySet().stream().sorted((a, b) -> Integer.compare(a.partition(), b.partition())).toList();
        }
    }

    /** Whether partitions were given once (a group member may be given none) and each held one is read to its end of then. */
    boolean caughtUp() {
        synchronized (lock) {
            return assigned && ends.entrySet().stream().allMatch(e -> positions.getOrDefault(e.getKey(), -1L) >= e.getValue());
        }
    }

    boolean awaitAssigned(long deadline) throws InterruptedException {
        return await(() -> assigned, deadline);
    }

    boolean awaitCaughtUp(long deadline) throws InterruptedException {
        return await(this::caughtUp, deadline);
    }

    /** Waits until every given partition (by number) is read up to, not including, its offset. */
    boolean awaitPositions(Map<Integer, Long> offsets, long deadline) throws InterruptedException {
        return await(() -> reached(offsets), deadline);
    }

    private boolean reached(Map<Integer, Long> offsets) {
        Map<Integer, Long> byNumber = new HashMap<>();
        positions.forEach((p, offset) -> byNumber.put(p.partition(), offset));
        return offsets.entrySet().stream().allMatch(e -> byNumber.getOrDefault(e.getKey(), -1L) >= e.getValue());
    }

    private interface Condition {
        boolean holds();
    }

    /** @param deadline in {@link System#nanoTime()} terms */
    private boolean await(Condition condition, long deadline) throws InterruptedException {
        synchronized (lock) {
            while (!condition.holds()) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || stopped) {
                    return false;
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }
}
