package io.newsradar.index.stream;

import io.newsradar.contracts.DeadLetterHeaders;
import io.newsradar.contracts.Topics;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;

/** Sends a record index-service cannot write to {@code news.articles.dlq}, with the error, synchronously. */
class DeadLetters {

    static final String BINDING = "dlq-out-0";
    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final StreamBridge bridge;

    DeadLetters(StreamBridge bridge) {
        this.bridge = bridge;
    }

    /** @param articleId the record's key when it is known, else {@code null} */
    void send(String articleId, byte[] record, String error) {
        MessageBuilder<byte[]> message = MessageBuilder.withPayload(record)
                .setHeader(DeadLetterHeaders.STAGE, "index-service")
                .setHeader(DeadLetterHeaders.ERROR, error)
                .setHeader(DeadLetterHeaders.ORIGINAL_TOPIC, Topics.ARTICLES_CLASSIFIED);
        if (articleId != null) {
            message.setHeader(KafkaHeaders.KEY, articleId.getBytes(StandardCharsets.UTF_8));
        }
        if (!bridge.send(BINDING, message.build())) {
            throw new IllegalStateException("the dead-letter binding did not accept a record: " + error);
        }
        log.atWarn().addKeyValue("articleId", articleId).log("sent a record to {}: {}", Topics.ARTICLES_DLQ, error);
    }
}
