package io.newsradar.support.kafka;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.listener.RetryListener;

/**
 * How many times the listener container has delivered each record of a failing batch, so that a dead letter can say
 * how many times its record was tried. Registered on the stage's error handler
 * ({@code DefaultErrorHandler#setRetryListeners}), it hears of every failed delivery of a batch; the stage asks it
 * for the attempt it is in ({@link #current}) and tells it when a batch went through ({@link #delivered}).
 *
 * <p>It counts per partition: a failed batch leaves the range of offsets it held with the number of failed
 * deliveries, and a later failure of a batch starting inside that range adds one, even when the container gave up
 * retrying in between (a rebalance, a stop) and the records came again from a new poll. A record delivered by another
 * instance after a rebalance is counted there from 1: the count is this instance's. Memory stays at one entry per
 * partition with a failing batch.
 */
public final class DeliveryAttempts implements RetryListener {

    private final Map<TopicPartition, Failed> failed = new ConcurrentHashMap<>();

    /** Failed deliveries of the record so far: 0 when its batch has not failed. */
    public int failures(String topic, int partition, long offset) {
        if (failed.isEmpty() || partition < 0) {
            return 0;
        }
        Failed range = failed.get(new TopicPartition(topic, partition));
        return range != null && range.holds(offset) ? range.deliveries() : 0;
    }

    /** The attempt the record is in: 1 the first time it is delivered, one more for each failed delivery before. */
    public int current(RecordSource source) {
        return failures(source.topic(), source.partition(), source.offset()) + 1;
    }

    /** The batch that held these records went through: their partitions start counting again. */
    public void delivered(Collection<RecordSource> sources) {
        if (failed.isEmpty()) {
            return;
        }
        for (RecordSource source : sources) {
            if (source.placed()) {
                failed.remove(new TopicPartition(source.topic(), source.partition()));
            }
        }
    }

    @Override
    public void failedDelivery(ConsumerRecords<?, ?> records, Exception failure, int deliveryAttempt) {
        for (TopicPartition partition : records.partitions()) {
            List<? extends ConsumerRecord<?, ?>> held = records.records(partition);
            if (!held.isEmpty()) {
                note(partition, held.get(0).offset(), held.get(held.size() - 1).offset());
            }
        }
    }

    @Override
    public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int deliveryAttempt) {
        note(new TopicPartition(record.topic(), record.partition()), record.offset(), record.offset());
    }

    @Override
    public void recovered(ConsumerRecords<?, ?> records, Exception failure) {
        records.partitions().forEach(failed::remove);
    }

    @Override
    public void recovered(ConsumerRecord<?, ?> record, Exception failure) {
        failed.remove(new TopicPartition(record.topic(), record.partition()));
    }

    private void note(TopicPartition partition, long first, long last) {
        // The container's own attempt number starts again at 1 each time it starts retrying a batch; ours goes on.
        failed.compute(partition, (key, before) -> before != null && before.holds(first)
                ? new Failed(before.first(), Math.max(before.last(), last), before.deliveries() + 1)
                : new Failed(first, last, 1));
    }

    private record Failed(long first, long last, int deliveries) {
        boolean holds(long offset) {
            return offset >= first && offset <= last;
        }
    }
}
