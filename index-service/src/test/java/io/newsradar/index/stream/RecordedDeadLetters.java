package io.newsradar.index.stream;

import io.newsradar.contracts.DeadLetterHeaders;
import io.newsradar.support.kafka.DeadLetterWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The shared dead-letter writer over a producer that keeps what it is given instead of sending it: what the stream
 * would have sent, and why.
 */
final class RecordedDeadLetters {

    /** Where a dead letter says its record was read: partition and offset, {@code -1} when unknown. */
    record Place(int partition, long offset) {
        static final Place UNKNOWN = new Place(-1, -1);
    }

    /** One dead letter: its key, its value, where the record was read, the error and the rest of its headers. */
    record Sent(String key, byte[] record, Place source, String error, DeadLetterHeaders headers) {
    }

    private final MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(),
            new ByteArraySerializer());

    final DeadLetterWriter writer = new DeadLetterWriter(producer, ArticleBatchIndexer.STAGE, 1_000_000, Duration.ofSeconds(5),
            Clock.systemUTC());

    /** The dead letters written so far, in order. */
    List<Sent> sent() {
        return producer.history().stream().map(RecordedDeadLetters::read).toList();
    }

    private static Sent read(ProducerRecord<byte[], byte[]> letter) {
        DeadLetterHeaders headers = DeadLetterHeaders.read(name -> {
            var header = letter.headers().lastHeader(name);
            return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        });
        return new Sent(letter.key() == null ? null : new String(letter.key(), StandardCharsets.UTF_8), letter.value(),
                new Place(headers.originalPartition(), headers.originalOffset()), headers.error(), headers);
    }
}
