package io.newsradar.support.kafka;

import java.util.Collection;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/** What a {@link KafkaReader} hands over. Every method runs on the reader's thread, one at a time. */
public interface ReaderListener {

    /**
     * One record read. Throwing skips it: the reader logs its topic, partition, offset and the exception's message
     * (URL passwords masked) and counts it in {@code newsradar.kafka.reader.skipped}; the next record follows.
     */
    void record(ConsumerRecord<String, byte[]> record);

    /**
     * Partitions given to this reader, each with the end it had at that moment; they are read from their beginning
     * (or, read from now on, their end). A group member given nothing is told so with an empty map.
     */
    default void assigned(Map<TopicPartition, Long> ends) {
    }

    /** Partitions taken away by the group (revoked, or lost with the session). */
    default void revoked(Collection<TopicPartition> partitions) {
    }

    /**
     * After the records of one poll, with the position reached in each partition held, where known. Throwing makes the
     * reader back off (1 s, doubling up to 30 s) and poll again.
     */
    default void polled(Map<TopicPartition, Long> positions) {
    }

    /** The reader reads no more: it was closed, or failed for good. Its partitions are still held until this returns. */
    default void stopped() {
    }
}
