package io.newsradar.classify.stream;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;

/**
 * What the listener container does with a record of a batch that failed for a reason retrying cannot cure (the
 * container's own classification, such as a value of an unexpected type): it becomes a dead letter with the error,
 * instead of being logged and discarded. The send is awaited; a failed one fails the recovery, and the batch is
 * delivered again.
 */
final class DeadLetterRecoverer implements ConsumerRecordRecoverer {

    private final Producer<byte[], byte[]> producer;
    private final Duration sendTimeout;
    private final int maxRecordBytes;

    DeadLetterRecoverer(Producer<byte[], byte[]> producer, Duration sendTimeout, int maxRecordBytes) {
        this.producer = producer;
        this.sendTimeout = sendTimeout;
        this.maxRecordBytes = maxRecordBytes;
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Exception failure) {
        BatchClassifier.Source source = new BatchClassifier.Source(bytes(record.key()), record.partition(), record.offset());
        String error = "classify-service failed on the batch of this record: " + failure;
        try {
            producer.send(DeadLetter.of(bytes(record.value()), source, error, maxRecordBytes))
                    .get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaException("could not send the dead letter of " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while sending a dead letter", e);
        }
    }

    static byte[] bytes(Object value) {
        if (value == null || value instanceof byte[]) {
            return (byte[]) value;
        }
        return value.toString().getBytes(StandardCharsets.UTF_8);
    }
}
