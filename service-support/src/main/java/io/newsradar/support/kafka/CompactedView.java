package io.newsradar.support.kafka;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The latest value of every key of one compacted topic, kept in memory by a {@link KafkaReader} with no group: it is
 * given every partition, reads from the beginning and follows. A tombstone removes the key; a record without a key,
 * or one the value reader refuses, is skipped with a log line and a count. Callers can wait until the view has read
 * the topic to the end it had when the view started ({@link #awaitCaughtUp}), or up to given offsets, so that what was
 * just written, or everything written before a request began, is visible.
 *
 * @param <V> what a record's value reads as
 */
public class CompactedView<V> implements AutoCloseable {

    private final Map<String, V> values = new ConcurrentHashMap<>();
    private final KafkaReader reader;

    /**
     * @param settings where to read; from the beginning, outside any group, whatever they say
     * @param read     a record's value, given its key and bytes; throws when the record cannot be read
     */
    public CompactedView(ReaderSettings settings, BiFunction<String, byte[], V> read) {
        if (settings.group() != null || settings.readsFromEnd()) {
            throw new IllegalArgumentException("a view of " + settings.topic() + " reads every partition from the beginning");
        }
        this.reader = settings.reader(new Latest<>(values, read));
    }

    public void start() {
        reader.start();
    }

    public String topic() {
        return reader.topic();
    }

    /** The latest value of each key, as read so far; changes as the view follows. */
    public Map<String, V> values() {
        return Collections.unmodifiableMap(values);
    }

    /** The topic's partitions, once the view has been given them; empty before. */
    public List<TopicPartition> partitions() {
        return reader.partitions();
    }

    /** Whether the view has read every partition to the end it had when the view was given it. */
    public boolean caughtUp() {
        return reader.caughtUp();
    }

    /** Waits until {@link #caughtUp()}; whether it was before the deadline ({@link System#nanoTime()}). */
    public boolean awaitCaughtUp(long deadline) throws InterruptedException {
        return reader.awaitCaughtUp(deadline);
    }

    /** Waits until the view knows the topic's partitions; whether it did before the deadline ({@link System#nanoTime()}). */
    public boolean awaitAssigned(long deadline) throws InterruptedException {
        return reader.awaitAssigned(deadline);
    }

    /** Waits until the view has read every given partition (by number) up to, not including, its offset. */
    public boolean awaitPositions(Map<Integer, Long> offsets, long deadline) throws InterruptedException {
        return reader.awaitPositions(offsets, deadline);
    }

    /** Records skipped as unreadable. */
    public long skipped() {
        return reader.skipped();
    }

    @Override
    public void close() {
        reader.close();
    }

    /** Keeps each key's latest value; on the reader's thread. */
    private record Latest<V>(Map<String, V> values, BiFunction<String, byte[], V> read) implements ReaderListener {

        @Override
        public void record(ConsumerRecord<String, byte[]> record) {
            if (record.key() == null) {
                throw new IllegalArgumentException("a record without a key");
            }
            if (record.value() == null) {
                values.remove(record.key());
                return;
            }
            V value = read.apply(record.key(), record.value());
            if (value == null) {
                throw new IllegalArgumentException("the value reads as nothing (JSON null?); a removal is a record with no value");
            }
            values.put(record.key(), value);
        }
    }
}
