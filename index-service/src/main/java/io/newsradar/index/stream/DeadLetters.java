package io.newsradar.index.stream;

import io.newsradar.contracts.DeadLetterHeaders;
import io.newsradar.contracts.DeadLetterPayload;
import io.newsradar.contracts.Topics;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Sends a record index-service cannot write to {@code news.articles.dlq}, with the error and where it was read,
 * synchronously. The payload is cut to fit a record the broker takes ({@link DeadLetterPayload}); a record without a
 * value is sent with an empty one.
 */
class DeadLetters {

    static final String BINDING = "dlq-out-0";
    static final String STAGE = "index-service";
    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final StreamBridge bridge;
    private final int maxRecordBytes;

    DeadLetters(StreamBridge bridge, int maxRecordBytes) {
        this.bridge = bridge;
        this.maxRecordBytes = maxRecordBytes;
    }

    /**
     * @param key    the record's key as it came (or the article id), {@code null} when unknown
     * @param source where the record was read
     */
    void send(byte[] key, byte[] record, Source source, String error) {
        byte[] payload = DeadLetterPayload.fit(record, maxRecordBytes);
        String reason = error.length() > 2000 ? error.substring(0, 2000) + "…" : error;
        MessageBuilder<byte[]> message = MessageBuilder.withPayload(payload == null ? new byte[0] : payload)
                .setHeader(DeadLetterHeaders.STAGE, STAGE)
                .setHeader(DeadLetterHeaders.ERROR, reason)
                .setHeader(DeadLetterHeaders.ORIGINAL_TOPIC, Topics.ARTICLES_CLASSIFIED);
        if (source.partition() >= 0) {
            message.setHeader(DeadLetterHeaders.ORIGINAL_PARTITION, Integer.toString(source.partition()))
                    .setHeader(DeadLetterHeaders.ORIGINAL_OFFSET, Long.toString(source.offset()));
        }
        if (DeadLetterPayload.isCut(record, maxRecordBytes)) {
            message.setHeader(DeadLetterHeaders.ORIGINAL_SIZE, Integer.toString(record.length));
        }
        if (key != null && key.length <= 1024) {
            message.setHeader(KafkaHeaders.KEY, key);
        }
        if (!bridge.send(BINDING, message.build())) {
            throw new IllegalStateException("the dead-letter binding did not accept a record: " + reason);
        }
        log.atWarn().addKeyValue("partition", source.partition()).addKeyValue("offset", source.offset())
                .log("sent a record to {}: {}", Topics.ARTICLES_DLQ, reason);
    }

    /** Where a record was read: partition and offset, {@code -1} when unknown (a replay). */
    record Source(int partition, long offset) {
        static final Source UNKNOWN = new Source(-1, -1);
    }

    static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }
}
