package io.newsradar.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The container's batch retries as the error handler reports them to its retry listeners. */
class DeliveryAttemptsTest {

    private static final String TOPIC = "news.articles.raw";
    private static final IllegalStateException NOT_ACKNOWLEDGED = new IllegalStateException("the broker did not acknowledge");

    private final DeliveryAttempts attempts = new DeliveryAttempts();

    @Test
    void aRecordIsInItsFirstAttemptUntilItsBatchFails() {
        assertThat(attempts.current(new RecordSource(TOPIC, 2, 40, null))).isEqualTo(1);
    }

    @Test
    void eachFailedDeliveryOfABatchAddsOneForEveryRecordItHeldOnEveryPartition() {
        ConsumerRecords<byte[], byte[]> batch = batch(Map.of(2, List.of(40L, 41L, 42L), 5, List.of(7L)));

        attempts.failedDelivery(batch, NOT_ACKNOWLEDGED, 1);
        attempts.failedDelivery(batch, NOT_ACKNOWLEDGED, 2);

        assertThat(attempts.current(new RecordSource(TOPIC, 2, 41, null))).isEqualTo(3);
        assertThat(attempts.current(new RecordSource(TOPIC, 5, 7, null))).isEqualTo(3);
        assertThat(attempts.current(new RecordSource(TOPIC, 2, 43, null))).as("a record after the batch").isEqualTo(1);
        assertThat(attempts.current(new RecordSource(TOPIC, 3, 41, null))).as("another partition").isEqualTo(1);
        assertThat(attempts.current(RecordSource.unknown(TOPIC, null))).as("a replayed record").isEqualTo(1);
    }

    @Test
    void countingGoesOnWhenTheContainerStartsRetryingTheSameRecordsAgain() {
        ConsumerRecords<byte[], byte[]> batch = batch(Map.of(0, List.of(100L, 101L)));
        attempts.failedDelivery(batch, NOT_ACKNOWLEDGED, 1);
        attempts.failedDelivery(batch, NOT_ACKNOWLEDGED, 2);

        // A rebalance stopped the retries; the records come again from a new poll, with one more behind them.
        attempts.failedDelivery(batch(Map.of(0, List.of(100L, 101L, 102L))), NOT_ACKNOWLEDGED, 1);

        assertThat(attempts.failures(TOPIC, 0, 100)).isEqualTo(3);
        assertThat(attempts.failures(TOPIC, 0, 102)).isEqualTo(3);
    }

    @Test
    void aBatchThatWentThroughOrWasRecoveredStartsItsPartitionsAgain() {
        attempts.failedDelivery(batch(Map.of(1, List.of(9L))), NOT_ACKNOWLEDGED, 1);
        attempts.failedDelivery(batch(Map.of(4, List.of(3L))), NOT_ACKNOWLEDGED, 1);

        attempts.delivered(List.of(new RecordSource(TOPIC, 1, 9, null)));
        attempts.recovered(batch(Map.of(4, List.of(3L))), NOT_ACKNOWLEDGED);

        assertThat(attempts.current(new RecordSource(TOPIC, 1, 9, null))).isEqualTo(1);
        assertThat(attempts.current(new RecordSource(TOPIC, 4, 3, null))).isEqualTo(1);
    }

    @Test
    void aLaterBatchOnThePartitionIsCountedOnItsOwn() {
        attempts.failedDelivery(batch(Map.of(1, List.of(9L, 10L))), NOT_ACKNOWLEDGED, 1);

        attempts.failedDelivery(batch(Map.of(1, List.of(11L, 12L))), NOT_ACKNOWLEDGED, 1);

        assertThat(attempts.failures(TOPIC, 1, 11)).isEqualTo(1);
        assertThat(attempts.failures(TOPIC, 1, 9)).as("the earlier batch went through").isZero();
    }

    static ConsumerRecords<byte[], byte[]> batch(Map<Integer, List<Long>> offsets) {
        Map<TopicPartition, List<ConsumerRecord<byte[], byte[]>>> records = new LinkedHashMap<>();
        offsets.forEach((partition, list) -> {
            List<ConsumerRecord<byte[], byte[]>> held = new ArrayList<>();
            list.forEach(offset -> held.add(new ConsumerRecord<>(TOPIC, partition, offset, null, new byte[] {'{', '}'})));
            records.put(new TopicPartition(TOPIC, partition), held);
        });
        return new ConsumerRecords<>(records, Map.of());
    }
}
