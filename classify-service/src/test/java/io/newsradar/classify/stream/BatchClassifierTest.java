package io.newsradar.classify.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsradar.classify.Classifier;
import io.newsradar.contracts.ClassifiedArticle;
import io.newsradar.contracts.CountryTag;
import io.newsradar.contracts.DeadLetterHeaders;
import io.newsradar.contracts.DeadLetterPayload;
import io.newsradar.contracts.RawArticle;
import io.newsradar.contracts.Topics;
import io.newsradar.support.kafka.DeadLetterWriter;
import io.newsradar.support.kafka.DeliveryAttempts;
import io.newsradar.support.kafka.RecordSource;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** One batch, one wait: every output is sent before any acknowledgement is awaited, and all are awaited. */
class BatchClassifierTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Classifier CLASSIFIER = Classifier.withDefaults();

    private static final int LIMIT = 1_000_000;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void sendsTheWholeBatchBeforeWaitingAndReturnsOnlyWhenEveryRecordIsAcknowledged() throws Exception {
        MockProducer<byte[], byte[]> producer = new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());
        BatchClassifier batch = new BatchClassifier(CLASSIFIER, JSON, producer, Duration.ofSeconds(30), LIMIT, meters);
        List<byte[]> records = List.of(raw("a", "Nhật Bản đầu tư vào Bắc Giang"), raw("b", "Japan and Vietnam sign a labour deal"),
                raw("c", "La France et le Vietnam signent un accord culturel"));

        CompletableFuture<Void> done = CompletableFuture.runAsync(() -> batch.classify(records, List.of()));

        awaitHistory(producer, 3);
        assertThat(done).as("the batch before any acknowledgement").isNotDone();
        producer.completeNext();
        producer.completeNext();
        assertThat(done).as("the batch with one record still unacknowledged").isNotDone();
        producer.completeNext();
        done.get(10, TimeUnit.SECONDS);

        assertThat(producer.history()).extracting(ProducerRecord::topic).containsOnly(Topics.ARTICLES_CLASSIFIED);
        assertThat(producer.history()).extracting(r -> new String(r.key(), StandardCharsets.UTF_8)).containsExactly("a", "b", "c");
        ClassifiedArticle first = JSON.readValue(producer.history().get(0).value(), ClassifiedArticle.class);
        assertThat(first.pair().code()).isEqualTo("JP-VN");
        assertThat(meters.get("newsradar.classify.articles").tag("outcome", "classified").counter().count()).isEqualTo(3);
    }

    @Test
    void aFailedSendFailsTheBatchSoThatItIsDeliveredAgainAndCountsNothing() throws Exception {
        MockProducer<byte[], byte[]> producer = new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());
        BatchClassifier batch = new BatchClassifier(CLASSIFIER, JSON, producer, Duration.ofSeconds(30), LIMIT, meters);

        CompletableFuture<Void> done = CompletableFuture.runAsync(() -> batch.classify(
                List.of(raw("a", "Nhật Bản đầu tư vào Bắc Giang"), raw("b", "Japan and Vietnam sign a labour deal")), List.of()));
        awaitHistory(producer, 2);
        producer.completeNext();
        producer.errorNext(new NotEnoughReplicasException("not enough in-sync replicas"));

        assertThatThrownBy(() -> done.get(10, TimeUnit.SECONDS)).cause()
                .isInstanceOf(BatchClassifier.OutputNotAcknowledgedException.class)
                .hasMessageContaining("a send of this batch of 2 failed: not enough in-sync replicas")
                .hasMessageContaining("delivered again");
        assertThat(meters.get("newsradar.classify.articles").tag("outcome", "classified").counter().count()).isZero();
    }

    @Test
    void aBatchWhoseAcknowledgementsDoNotComeInTimeFails() {
        MockProducer<byte[], byte[]> producer = new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());
        BatchClassifier batch = new BatchClassifier(CLASSIFIER, JSON, producer, Duration.ofMillis(200), LIMIT, meters);

        assertThatThrownBy(() -> batch.classify(List.of(raw("a", "Nhật Bản đầu tư vào Bắc Giang")), List.of()))
                .isInstanceOf(BatchClassifier.OutputNotAcknowledgedException.class)
                .hasMessageContaining("did not acknowledge this batch of 1 within 200 ms");
    }

    @Test
    void recordsThatCannotBeReadGoToTheDeadLetterTopicWithTheirErrorAndPlaceWhileTheRestIsClassified() {
        MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
        BatchClassifier batch = new BatchClassifier(CLASSIFIER, JSON, producer, Duration.ofSeconds(30), LIMIT, meters);
        byte[] notJson = "{\"articleId\": nope".getBytes(StandardCharsets.UTF_8);
        byte[] incomplete = "{\"articleId\": \"x\", \"title\": \"no feed, no ingestedAt\"}".getBytes(StandardCharsets.UTF_8);
        byte[] jsonNull = "null".getBytes(StandardCharsets.UTF_8);
        List<RecordSource> sources = List.of(new RecordSource(Topics.ARTICLES_RAW, 4, 100, "k0".getBytes(StandardCharsets.UTF_8)),
                new RecordSource(Topics.ARTICLES_RAW, 4, 101, "k1".getBytes(StandardCharsets.UTF_8)),
                new RecordSource(Topics.ARTICLES_RAW, 2, 7, null), new RecordSource(Topics.ARTICLES_RAW, 2, 8, null));

        batch.classify(List.of(notJson, raw("good", "Hàn Quốc hỗ trợ Việt Nam xây trường"), incomplete, jsonNull), sources);

        List<ProducerRecord<byte[], byte[]>> sent = producer.history();
        assertThat(sent).extracting(ProducerRecord::topic)
                .containsExactly(Topics.ARTICLES_DLQ, Topics.ARTICLES_CLASSIFIED, Topics.ARTICLES_DLQ, Topics.ARTICLES_DLQ);
        ProducerRecord<byte[], byte[]> letter = sent.get(0);
        assertThat(letter.value()).isEqualTo(notJson);
        assertThat(new String(letter.key(), StandardCharsets.UTF_8)).isEqualTo("k0");
        assertThat(header(letter, DeadLetterHeaders.STAGE)).isEqualTo("classify-service");
        assertThat(header(letter, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(Topics.ARTICLES_RAW);
        assertThat(header(letter, DeadLetterHeaders.ORIGINAL_PARTITION)).isEqualTo("4");
        assertThat(header(letter, DeadLetterHeaders.ORIGINAL_OFFSET)).isEqualTo("100");
        assertThat(header(letter, DeadLetterHeaders.ERROR)).startsWith("classify-service could not read a RawArticle: ");
        assertThat(header(sent.get(2), DeadLetterHeaders.ERROR)).startsWith("classify-service could not read a RawArticle: ");
        assertThat(header(sent.get(3), DeadLetterHeaders.ERROR)).isEqualTo("classify-service could not read a RawArticle: the record is JSON null");
        assertThat(meters.get("newsradar.classify.articles").tag("outcome", "dead-lettered").counter().count()).isEqualTo(3);
        assertThat(meters.get("newsradar.classify.articles").tag("outcome", "classified").counter().count()).isEqualTo(1);
    }

    @Test
    void anOutputOverTheLimitIsSentWithFewerPhrasesOfEvidenceAndKeepsItsTags() {
        byte[] record = raw("many", "Japan and Vietnam sign a labour deal", "Japan and Vietnam agree. ".repeat(400));
        MockProducer<byte[], byte[]> measure = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
        new BatchClassifier(CLASSIFIER, JSON, measure, Duration.ofSeconds(30), LIMIT, meters).classify(List.of(record), List.of());
        byte[] full = measure.history().get(0).value();
        ClassifiedArticle complete = JSON.readValue(full, ClassifiedArticle.class);
        int withoutEvidence = JSON.writeValueAsBytes(EvidenceCut.atMost(complete, 0)).length;
        assertThat(withoutEvidence).as("the test needs evidence that matters").isLessThan(full.length - 100);
        int limit = 64 + "many".length() + (withoutEvidence + full.length) / 2;

        MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
        new BatchClassifier(CLASSIFIER, JSON, producer, Duration.ofSeconds(30), limit, meters)
                .classify(List.of(record), List.of());

        ProducerRecord<byte[], byte[]> sent = producer.history().get(0);
        assertThat(sent.topic()).isEqualTo(Topics.ARTICLES_CLASSIFIED);
        assertThat(sent.value().length).isLessThan(full.length);
        ClassifiedArticle cut = JSON.readValue(sent.value(), ClassifiedArticle.class);
        assertThat(cut.pair()).isEqualTo(complete.pair());
        assertThat(cut.countries()).extracting(CountryTag::code).isEqualTo(complete.countries().stream().map(CountryTag::code).toList());
        assertThat(cut.countries()).allSatisfy(c -> assertThat(c.evidence()).hasSizeLessThanOrEqualTo(3));
        assertThat(cut.article().body()).isEqualTo(complete.article().body());
    }

    @Test
    void anOutputThatDoesNotFitEvenWithoutEvidenceIsADeadLetterCutToFitWithTheReason() {
        MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
        int limit = 100_000;
        byte[] record = raw("huge", "Japan and Vietnam sign a labour deal", "word ".repeat(40_000));
        BatchClassifier batch = new BatchClassifier(CLASSIFIER, JSON, producer, Duration.ofSeconds(30), limit, meters);

        batch.classify(List.of(record, raw("next", "Japan and Vietnam sign a labour deal")),
                List.of(new RecordSource(Topics.ARTICLES_RAW, 1, 9, "huge".getBytes(StandardCharsets.UTF_8)),
                        new RecordSource(Topics.ARTICLES_RAW, 1, 10, null)));

        assertThat(producer.history()).extracting(ProducerRecord::topic).containsExactly(Topics.ARTICLES_DLQ, Topics.ARTICLES_CLASSIFIED);
        ProducerRecord<byte[], byte[]> letter = producer.history().get(0);
        assertThat(letter.value().length).isLessThanOrEqualTo(limit - DeadLetterPayload.FRAMING_BYTES);
        assertThat(letter.value()).startsWith(java.util.Arrays.copyOf(record, 1000));
        assertThat(header(letter, DeadLetterHeaders.ORIGINAL_SIZE)).isEqualTo(Integer.toString(record.length));
        assertThat(header(letter, DeadLetterHeaders.ERROR)).contains("could not produce article huge")
                .contains("over the limit of 100000 bytes").contains("max-record-size");
        assertThat(header(letter, DeadLetterHeaders.ORIGINAL_OFFSET)).isEqualTo("9");
        assertThat(meters.get("newsradar.classify.articles").tag("outcome", "dead-lettered").counter().count()).isEqualTo(1);
    }

    @Test
    void aRecordTheBrokerRefusesForItselfBecomesADeadLetterAndTheBatchIsAcknowledged() throws Exception {
        MockProducer<byte[], byte[]> producer = new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());
        BatchClassifier batch = new BatchClassifier(CLASSIFIER, JSON, producer, Duration.ofSeconds(30), LIMIT, meters);

        CompletableFuture<Void> done = CompletableFuture.runAsync(() -> batch.classify(
                List.of(raw("a", "Nhật Bản đầu tư vào Bắc Giang"), raw("b", "Japan and Vietnam sign a labour deal")),
                List.of(new RecordSource(Topics.ARTICLES_RAW, 0, 1, "a".getBytes(StandardCharsets.UTF_8)),
                        new RecordSource(Topics.ARTICLES_RAW, 0, 2, "b".getBytes(StandardCharsets.UTF_8)))));
        awaitHistory(producer, 2);
        producer.completeNext();
        producer.errorNext(new RecordTooLargeException("the message is 1200000 bytes when serialized"));
        awaitHistory(producer, 3);
        producer.completeNext();
        done.get(10, TimeUnit.SECONDS);

        ProducerRecord<byte[], byte[]> letter = producer.history().get(2);
        assertThat(letter.topic()).isEqualTo(Topics.ARTICLES_DLQ);
        assertThat(new String(letter.key(), StandardCharsets.UTF_8)).isEqualTo("b");
        assertThat(header(letter, DeadLetterHeaders.ERROR)).contains("refused").contains("RecordTooLargeException")
                .contains("1200000 bytes");
        assertThat(header(letter, DeadLetterHeaders.ORIGINAL_OFFSET)).isEqualTo("2");
        assertThat(meters.get("newsradar.classify.articles").tag("outcome", "classified").counter().count()).isEqualTo(1);
        assertThat(meters.get("newsradar.classify.articles").tag("outcome", "dead-lettered").counter().count()).isEqualTo(1);
    }

    @Test
    void eachDeadLetterNamesItsErrorClassTheAttemptAndWhenTheStageGaveUp() {
        MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
        BatchClassifier batch = new BatchClassifier(CLASSIFIER, JSON, producer, Duration.ofSeconds(30), LIMIT, meters);
        Instant before = Instant.now();

        batch.classify(Arrays.asList("{\"articleId\": nope".getBytes(StandardCharsets.UTF_8), null, "null".getBytes(StandardCharsets.UTF_8)),
                List.of(new RecordSource(Topics.ARTICLES_RAW, 4, 100, null), new RecordSource(Topics.ARTICLES_RAW, 4, 101, null),
                        new RecordSource(Topics.ARTICLES_RAW, 4, 102, null)));

        List<DeadLetterHeaders> letters = producer.history().stream().map(BatchClassifierTest::headers).toList();
        assertThat(letters).extracting(DeadLetterHeaders::errorClass).first().asString().startsWith("tools.jackson.");
        assertThat(letters).extracting(DeadLetterHeaders::errorClass).endsWith("no-value", "json-null");
        assertThat(letters).allSatisfy(letter -> {
            assertThat(letter.attempts()).isEqualTo(1);
            assertThat(letter.failedAt()).isBetween(before, Instant.now());
            assertThat(letter.originalTopic()).isEqualTo(Topics.ARTICLES_RAW);
        });
    }

    @Test
    void aBatchDeliveredAgainAfterTheBrokerFailedItCountsThoseDeliveriesInItsDeadLetters() {
        MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
        DeliveryAttempts attempts = new DeliveryAttempts();
        BatchClassifier batch = new BatchClassifier(CLASSIFIER, JSON, producer,
                new DeadLetterWriter(producer, BatchClassifier.STAGE, LIMIT, Duration.ofSeconds(30), Clock.systemUTC()), attempts,
                Duration.ofSeconds(30), LIMIT, meters);
        ConsumerRecords<byte[], byte[]> polled = new ConsumerRecords<>(Map.of(new TopicPartition(Topics.ARTICLES_RAW, 3), List.of(
                new ConsumerRecord<>(Topics.ARTICLES_RAW, 3, 50L, (byte[]) null, raw("fine", "Japan and Vietnam sign a labour deal")),
                new ConsumerRecord<>(Topics.ARTICLES_RAW, 3, 51L, (byte[]) null, "not json".getBytes(StandardCharsets.UTF_8)))), Map.of());
        // The container delivered this batch twice before, and twice the broker did not acknowledge its output.
        attempts.failedDelivery(polled, new BatchClassifier.OutputNotAcknowledgedException("not acknowledged", null), 1);
        attempts.failedDelivery(polled, new BatchClassifier.OutputNotAcknowledgedException("not acknowledged", null), 2);
        List<RecordSource> sources = List.of(new RecordSource(Topics.ARTICLES_RAW, 3, 50, null), new RecordSource(Topics.ARTICLES_RAW, 3, 51, null));

        batch.classify(List.of(polled.records(new TopicPartition(Topics.ARTICLES_RAW, 3)).get(0).value(), "not json".getBytes(StandardCharsets.UTF_8)),
                sources);

        assertThat(headers(producer.history().get(1)).attempts()).isEqualTo(3);
        assertThat(attempts.current(sources.get(1))).as("the batch went through: its partition counts afresh").isEqualTo(1);
    }

    @Test
    void theDeadLetterOfARecordTheBrokerRefusedNamesTheBrokersErrorClass() throws Exception {
        MockProducer<byte[], byte[]> producer = new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());
        BatchClassifier batch = new BatchClassifier(CLASSIFIER, JSON, producer, Duration.ofSeconds(30), LIMIT, meters);

        CompletableFuture<Void> done = CompletableFuture.runAsync(() -> batch.classify(
                List.of(raw("a", "Nhật Bản đầu tư vào Bắc Giang")), List.of(new RecordSource(Topics.ARTICLES_RAW, 0, 1, null))));
        awaitHistory(producer, 1);
        producer.errorNext(new RecordTooLargeException("the message is 1200000 bytes when serialized"));
        awaitHistory(producer, 2);
        producer.completeNext();
        done.get(10, TimeUnit.SECONDS);

        assertThat(headers(producer.history().get(1)).errorClass()).isEqualTo(RecordTooLargeException.class.getName());
    }

    private static byte[] raw(String id, String title, String body) {
        RawArticle article = new RawArticle(1, id, null, "https://news.example/" + id, "unit-feed", "Unit", null, title, "", body,
                List.of(), null, Instant.parse("2026-11-30T08:00:00Z"));
        return JSON.writeValueAsBytes(article);
    }

    private static byte[] raw(String id, String title) {
        RawArticle article = new RawArticle(1, id, null, "https://news.example/" + id, "unit-feed", "Unit", null, title, "", "",
                List.of(), null, Instant.parse("2026-11-30T08:00:00Z"));
        return JSON.writeValueAsBytes(article);
    }

    private static DeadLetterHeaders headers(ProducerRecord<byte[], byte[]> record) {
        return DeadLetterHeaders.read(name -> record.headers().lastHeader(name) == null ? null : header(record, name));
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static void awaitHistory(MockProducer<byte[], byte[]> producer, int sends) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (producer.history().size() < sends && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(producer.history()).as("records sent").hasSize(sends);
    }
}
