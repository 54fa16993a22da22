package io.newsradar.support.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Where a stage read a record: topic, partition and offset ({@code -1} when unknown, as in a replay), and the record's
 * key as it came ({@code null} when it had none).
 */
public record RecordSource(String topic, int partition, long offset, byte[] key) {

    public RecordSource {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("a record source names its topic");
        }
        if (partition < 0 || offset < 0) {
            partition = -1;
            offset = -1;
        }
    }

    /** A record of {@code topic} whose place is not known. */
    public static RecordSource unknown(String topic, byte[] key) {
        return new RecordSource(topic, -1, -1, key);
    }

    /** Where the container delivered {@code record} from. */
    public static RecordSource of(ConsumerRecord<?, ?> record) {
        return new RecordSource(record.topic(), record.partition(), record.offset(), bytes(record.key()));
    }

    /** Whether the partition and offset are known. */
    public boolean placed() {
        return partition >= 0;
    }

    /** A key or value as the broker holds it: bytes as they are, text as UTF-8, anything else (a tombstone) as none. */
    public static byte[] bytes(Object value) {
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        return value instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : null;
    }
}
