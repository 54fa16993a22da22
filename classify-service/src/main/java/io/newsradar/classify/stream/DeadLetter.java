package io.newsradar.classify.stream;

import io.newsradar.contracts.DeadLetterHeaders;
import io.newsradar.contracts.DeadLetterPayload;
import io.newsradar.contracts.Topics;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dead letter of one {@code news.articles.raw} record: its key and value as they came, cut to fit a record of
 * {@code maxRecordBytes} (marked with {@link DeadLetterHeaders#ORIGINAL_SIZE} when cut), and the headers naming the
 * stage, the error and where the record was read.
 */
final class DeadLetter {

    private static final Logger log = LoggerFactory.getLogger(DeadLetter.class);

    private DeadLetter() {
    }

    static ProducerRecord<byte[], byte[]> of(byte[] record, BatchClassifier.Source source, String error, int maxRecordBytes) {
        byte[] key = source.key() != null && source.key().length > 1024 ? null : source.key();
        ProducerRecord<byte[], byte[]> letter = new ProducerRecord<>(Topics.ARTICLES_DLQ, key,
                DeadLetterPayload.fit(record, maxRecordBytes));
        String reason = error.length() > 2000 ? error.substring(0, 2000) + "…" : error;
        letter.headers()
                .add(DeadLetterHeaders.STAGE, BatchClassifier.STAGE.getBytes(StandardCharsets.UTF_8))
                .add(DeadLetterHeaders.ERROR, reason.getBytes(StandardCharsets.UTF_8))
                .add(DeadLetterHeaders.ORIGINAL_TOPIC, Topics.ARTICLES_RAW.getBytes(StandardCharsets.UTF_8));
        if (source.partition() >= 0) {
            letter.headers()
                    .add(DeadLetterHeaders.ORIGINAL_PARTITION, ascii(Integer.toString(source.partition())))
                    .add(DeadLetterHeaders.ORIGINAL_OFFSET, ascii(Long.toString(source.offset())));
        }
        if (DeadLetterPayload.isCut(record, maxRecordBytes)) {
            letter.headers().add(DeadLetterHeaders.ORIGINAL_SIZE, ascii(Integer.toString(record.length)));
        }
        log.atWarn().addKeyValue("partition", source.partition()).addKeyValue("offset", source.offset())
                .log("sending a record to {}: {}", Topics.ARTICLES_DLQ, reason);
        return letter;
    }

    /** The bytes a record takes in a produce request, near enough to compare with the broker's limit. */
    static int size(ProducerRecord<byte[], byte[]> record) {
        int size = 64 + (record.key() == null ? 0 : record.key().length) + (record.value() == null ? 0 : record.value().length);
        for (var header : record.headers()) {
            size += 8 + header.key().length() + (header.value() == null ? 0 : header.value().length);
        }
        return size;
    }

    private static byte[] ascii(String value) {
        return value.getBytes(StandardCharsets.US_ASCII);
    }
}
