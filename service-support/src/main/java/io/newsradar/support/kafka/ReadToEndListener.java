package io.newsradar.support.kafka;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What {@link ReaderSettings#readToEnd} hands over, on the caller's thread. */
public interface ReadToEndListener {

    /**
     * Before anything is read: the records between each partition's beginning and end (compaction may leave fewer)
     * and the partitions the topic has (none when it does not exist).
     */
    default void starting(long records, int partitions) {
    }

    /**
     * The records of one poll that lie before their partition's end, possibly none; {@code done} on the last call, when
     * every partition is read to its end.
     */
    void batch(List<ConsumerRecord<String, byte[]>> records, boolean done);
}
