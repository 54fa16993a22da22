package io.newsradar.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsradar.contracts.DeadLetterHeaders;
import io.newsradar.contracts.DeadLetterPayload;
import io.newsradar.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

class DeadLetterWriterTest {

    private static final Instant NOW = Instant.parse("2026-12-02T17:05:30Z");
    private static final int LIMIT = 100 * 1024;

    private final MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    private final DeadLetterWriter writer = new DeadLetterWriter(producer, "index-service", LIMIT, Duration.ofSeconds(5),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aDeadLetterCarriesTheRecordAsItCameAndTheWholeHeaderSet() {
        byte[] value = "{\"articleId\": nope".getBytes(StandardCharsets.UTF_8);

        writer.write(new RecordSource(Topics.ARTICLES_CLASSIFIED, 3, 1207, utf8("a-1")), value, "tools.jackson.core.exc.StreamReadException",
                "index-service could not read a ClassifiedArticle: Unrecognized token 'nope'", 2);

        ProducerRecord<byte[], byte[]> letter = producer.history().get(0);
        assertThat(letter.topic()).isEqualTo(Topics.ARTICLES_DLQ);
        assertThat(letter.key()).isEqualTo(utf8("a-1"));
        assertThat(letter.value()).isEqualTo(value);
        assertThat(headers(letter)).isEqualTo(new DeadLetterHeaders("index-service", "tools.jackson.core.exc.StreamReadException",
                "index-service could not read a ClassifiedArticle: Unrecognized token 'nope'", 2, Topics.ARTICLES_CLASSIFIED, 3, 1207,
                NOW, -1));
    }

    @Test
    void anOversizeValueIsCutToFitAndItsSizeNamedAndAnOversizeKeyLeftOut() {
        byte[] value = new byte[LIMIT * 2];
        byte[] key = new byte[DeadLetterWriter.MAX_KEY_BYTES + 1];

        ProducerRecord<byte[], byte[]> letter = writer.letter(new RecordSource(Topics.ARTICLES_RAW, 0, 5, key), value,
                "over-record-size", "classify-service could not produce article x", 1);

        assertThat(letter.value()).hasSize(LIMIT - DeadLetterPayload.FRAMING_BYTES);
        assertThat(letter.key()).isNull();
        assertThat(headers(letter).originalSize()).isEqualTo(value.length);
    }

    @Test
    void aRecordWithoutValueOrPlaceStillGetsItsLetter() {
        ProducerRecord<byte[], byte[]> letter = writer.letter(RecordSource.unknown(Topics.ARTICLES_CLASSIFIED, null), null,
                "no-value", "index-service could not read a ClassifiedArticle: the record has no value", 1);

        assertThat(letter.value()).as("an empty value, not a tombstone").isEmpty();
        assertThat(letter.headers().lastHeader(DeadLetterHeaders.ORIGINAL_PARTITION)).isNull();
        assertThat(headers(letter).errorClass()).isEqualTo("no-value");
    }

    @Test
    void aFailureGivesItsClassAndTheFirstLineOfItsMessage() {
        ProducerRecord<byte[], byte[]> letter = writer.letter(new RecordSource(Topics.ARTICLES_RAW, 1, 2, null), utf8("x"),
                "classify-service could not classify article x", new IllegalStateException("no pair\n\tat somewhere"), 1);

        assertThat(headers(letter).errorClass()).isEqualTo(IllegalStateException.class.getName());
        assertThat(headers(letter).error()).isEqualTo("classify-service could not classify article x: no pair");
    }

    @Test
    void aLetterTheBrokerDoesNotTakeFailsTheWriteSoThatTheRecordIsNotCommitted() {
        MockProducer<byte[], byte[]> refusing = new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());
        DeadLetterWriter failing = new DeadLetterWriter(refusing, "index-service", LIMIT, Duration.ofSeconds(5), Clock.systemUTC());
        Thread broker = new Thread(() -> {
            while (refusing.history().isEmpty()) {
                Thread.onSpinWait();
            }
            refusing.errorNext(new NotEnoughReplicasException("not enough in-sync replicas"));
        });
        broker.start();

        assertThatThrownBy(() -> failing.write(new RecordSource(Topics.ARTICLES_CLASSIFIED, 0, 1, null), utf8("x"), "no-value", "x", 1))
                .isInstanceOf(KafkaException.class).hasMessageContaining("news.articles.classified-0@1")
                .hasMessageContaining("not enough in-sync replicas");
    }

    @Test
    void theContainersRecovererNamesTheUnwrappedFailureAndTheDeliveriesCounted() {
        DeliveryAttempts attempts = new DeliveryAttempts();
        var batch = DeliveryAttemptsTest.batch(Map.of(4, List.of(60L, 61L)));
        ClassCastException cause = new ClassCastException("class java.lang.String cannot be cast to class [B");
        ListenerExecutionFailedException failure = new ListenerExecutionFailedException("Listener failed", cause);
        attempts.failedDelivery(batch, failure, 1);
        attempts.failedDelivery(batch, failure, 2);
        ConsumerRecord<byte[], byte[]> record = batch.records(new org.apache.kafka.common.TopicPartition("news.articles.raw", 4)).get(1);

        writer.recoverer(attempts).accept(record, failure);

        DeadLetterHeaders headers = headers(producer.history().get(0));
        assertThat(headers.errorClass()).isEqualTo(ClassCastException.class.getName());
        assertThat(headers.error()).isEqualTo("index-service failed on the batch of this record: " + cause.getMessage());
        assertThat(headers.attempts()).isEqualTo(2);
        assertThat(headers.originalOffset()).isEqualTo(61);
        assertThat(producer.history().get(0).value()).isEqualTo(record.value());
    }

    private static DeadLetterHeaders headers(ProducerRecord<byte[], byte[]> letter) {
        return DeadLetterHeaders.read(name -> {
            var header = letter.headers().lastHeader(name);
            return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        });
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
