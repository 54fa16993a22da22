package io.newsradar.classify.stream;

import io.newsradar.contracts.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Names classify-service as the stage on each of its dead letters ({@link DeadLetterHeaders#STAGE}). The binder writes
 * them with its own producer, so this interceptor is set on that producer alone, in classify-service.yml
 * ({@code classify-in-0}'s {@code dlq-producer-properties}); the binder adds the error and original-topic headers.
 */
public class DeadLetterStage implements ProducerInterceptor<Object, Object> {

    static final String STAGE = "classify-service";

    @Override
    public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
        record.headers().remove(DeadLetterHeaders.STAGE).add(DeadLetterHeaders.STAGE, STAGE.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
    }

    @Override
    public void close() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }
}
