package io.newsradar.support.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * What every stage's batch binding (Spring Cloud Stream, content type octet-stream) does with a batch before its own
 * work: the values as bytes, each record's topic, partition, offset and key from the binder's list-valued headers, and
 * the error handler that delivers a failed batch again without end and sends what it holds not worth retrying to the
 * dead-letter topic.
 */
public final class BoundBatches {

    private BoundBatches() {
    }

    /** The batch's values as bytes; a record without a value (a tombstone) is {@code null}. */
    public static List<byte[]> values(List<?> payload) {
        List<byte[]> values = new ArrayList<>(payload.size());
        for (Object value : payload) {
            values.add(RecordSource.bytes(value));
        }
        return values;
    }

    /**
     * Topic, partition, offset and key of each record of a batch, {@code defaultTopic} where the binder gives no topic.
     *
     * @throws IllegalStateException when the batch has fewer values than records: a message converter dropped what
     *                               it could not convert (a binding content type other than octet-stream does), and
     *                               the batch must not be committed
     */
    public static List<RecordSource> sources(Message<? extends List<?>> batch, String defaultTopic) {
        List<?> topics = header(batch, KafkaHeaders.RECEIVED_TOPIC);
        List<?> keys = header(batch, KafkaHeaders.RECEIVED_KEY);
        List<?> partitions = header(batch, KafkaHeaders.RECEIVED_PARTITION);
        List<?> offsets = header(batch, KafkaHeaders.OFFSET);
        int size = batch.getPayload().size();
        if (offsets.size() > size) {
            throw new IllegalStateException("the binder delivered " + size + " values for a batch of " + offsets.size()
                    + " records; the binding's content-type must be application/octet-stream");
        }
        List<RecordSource> sources = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Object topic = i < topics.size() ? topics.get(i) : null;
            Object partition = i < partitions.size() ? partitions.get(i) : null;
            Object offset = i < offsets.size() ? offsets.get(i) : null;
            sources.add(new RecordSource(topic instanceof String name ? name : defaultTopic,
                    partition instanceof Number n ? n.intValue() : -1, offset instanceof Number n ? n.longValue() : -1,
                    i < keys.size() ? RecordSource.bytes(keys.get(i)) : null));
        }
        return sources;
    }

    /**
     * A batch that failed is delivered again with exponential backoff (doubling from {@code initial} up to
     * {@code max}), without end, each failed delivery counted; a batch the container holds not worth retrying has its
     * records sent to the dead-letter topic, never discarded.
     */
    public static DefaultErrorHandler retryingWithoutEnd(Duration initial, Duration max, DeadLetterWriter deadLetters,
                                                         DeliveryAttempts attempts) {
        ExponentialBackOff backOff = new ExponentialBackOff(initial.toMillis(), 2.0);
        backOff.setMaxInterval(max.toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters.recoverer(attempts), backOff);
        handler.setRetryListeners(attempts);
        return handler;
    }

    private static List<?> header(Message<?> message, String name) {
        return message.getHeaders().get(name) instanceof List<?> values ? values : List.of();
    }
}
