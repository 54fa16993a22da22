package io.newsradar.index.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsradar.contracts.ClassifiedArticle;
import io.newsradar.contracts.CountryTag;
import io.newsradar.contracts.PairTag;
import io.newsradar.contracts.RawArticle;
import io.newsradar.contracts.Topics;
import io.newsradar.index.bulk.ArticleBulkWriter;
import io.newsradar.index.bulk.RetryableWriteException;
import io.newsradar.index.bulk.ScriptedElasticsearch;
import io.newsradar.support.kafka.DeliveryAttempts;
import io.newsradar.support.kafka.RecordSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a batch of {@code news.articles.classified} records becomes: the readable ones written in one bulk, each
 * unreadable one and each one Elasticsearch refuses for good a dead letter with its key and where it was read, and a
 * batch Elasticsearch cannot take now an exception, so that the batch is delivered again.
 */
class ArticleBatchIndexerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final RecordedDeadLetters.Place FIRST = new RecordedDeadLetters.Place(3, 41);
    private static final RecordedDeadLetters.Place SECOND = new RecordedDeadLetters.Place(3, 42);

    private final ScriptedElasticsearch elasticsearch = new ScriptedElasticsearch();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ArticleBulkWriter writer = new ArticleBulkWriter(elasticsearch.client(), new ArticleBulkWriter.Settings(100,
            1_000_000, 1, Duration.ofMinutes(10), Duration.ofSeconds(30), Duration.ofMillis(1), Duration.ofMillis(4)), meters);
    private final RecordedDeadLetters deadLetters = new RecordedDeadLetters();
    private final DeliveryAttempts attempts = new DeliveryAttempts();
    private final ArticleBatchIndexer indexer = new ArticleBatchIndexer(JSON, writer, deadLetters.writer, attempts, meters);

    @AfterEach
    void closeWriter() {
        writer.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no value         |                                        | the record has no value
            JSON null        | null                                   | the record is JSON null
            not JSON         | <article>not json</article>            | Unexpected character
            another event    | {"feedId": "f1", "url": "https://x/"}  | article must be set
            """)
    void anUnreadableRecordIsADeadLetterWithItsKeyAndPlaceAndTheRestIsIndexed(String what, String value, String reason) {
        byte[] unreadable = value == null ? null : value.getBytes(StandardCharsets.UTF_8);

        indexer.index(Arrays.asList(record(article("good")), unreadable),
                List.of(source(FIRST, utf8("good")), source(SECOND, utf8("key-of-the-bad-one"))));

        assertThat(elasticsearch.bulks()).singleElement()
                .satisfies(bulk -> assertThat(bulk.operations()).extracting(op -> op.create().id()).containsExactly("good"));
        assertThat(deadLetters.sent()).singleElement().satisfies(letter -> {
            assertThat(letter.key()).isEqualTo("key-of-the-bad-one");
            // A record without a value has an empty one in its dead letter (no tombstone on the topic).
            assertThat(letter.record()).isEqualTo(unreadable == null ? new byte[0] : unreadable);
            assertThat(letter.source()).isEqualTo(SECOND);
            assertThat(letter.error()).startsWith("index-service could not read a ClassifiedArticle: ").contains(reason);
        });
        assertThat(meters.get("newsradar.index.dead.letters").counter().count()).isEqualTo(1);
    }

    @Test
    void anArticleElasticsearchRefusesForGoodIsADeadLetterKeyedByItsIdWithTheReason() {
        elasticsearch.refusing("refused", 400);
        byte[] refused = record(article("refused"));

        indexer.index(List.of(refused, record(article("taken"))), List.of(source(FIRST, null), source(SECOND, null)));

        assertThat(deadLetters.sent()).singleElement().satisfies(letter -> {
            assertThat(letter.key()).isEqualTo("refused");
            assertThat(letter.record()).isEqualTo(refused);
            assertThat(letter.source()).isEqualTo(FIRST);
            assertThat(letter.error()).startsWith("Elasticsearch refused article refused (400): document_parsing_exception");
        });
        assertThat(elasticsearch.bulks().get(0).operations()).extracting(BulkOperation::isCreate).containsExactly(true, true);
    }

    @Test
    void aBatchElasticsearchCannotTakeNowIsGivenBackWholeAndNothingIsDeadLettered() {
        elasticsearch.unreachable();

        assertThatThrownBy(() -> indexer.index(List.of(record(article("a")), record(article("b")))))
                .isInstanceOf(RetryableWriteException.class);
        assertThat(deadLetters.sent()).isEmpty();
    }

    @Test
    void aReplayedRecordThatCannotBeReadIsADeadLetterWithoutAPlace() {
        indexer.index(List.of("{".getBytes(StandardCharsets.UTF_8)));

        assertThat(deadLetters.sent()).singleElement().satisfies(letter -> {
            assertThat(letter.key()).isNull();
            assertThat(letter.source()).isEqualTo(RecordedDeadLetters.Place.UNKNOWN);
        });
    }

    @Test
    void eachDeadLetterNamesItsErrorClassAndCountsTheFailedDeliveriesOfItsBatch() {
        ConsumerRecords<byte[], byte[]> polled = new ConsumerRecords<>(Map.of(new TopicPartition(Topics.ARTICLES_CLASSIFIED, 3),
                List.of(new ConsumerRecord<>(Topics.ARTICLES_CLASSIFIED, 3, 41L, (byte[]) null, new byte[0]),
                        new ConsumerRecord<>(Topics.ARTICLES_CLASSIFIED, 3, 42L, (byte[]) null, new byte[0]))), Map.of());
        // Elasticsearch was away for the first delivery of this batch.
        attempts.failedDelivery(polled, new RetryableWriteException("Elasticsearch is unreachable", null), 1);

        indexer.index(Arrays.asList(null, "{".getBytes(StandardCharsets.UTF_8)), List.of(source(FIRST, null), source(SECOND, null)));

        assertThat(deadLetters.sent()).extracting(letter -> letter.headers().errorClass())
                .first().isEqualTo("no-value");
        assertThat(deadLetters.sent()).extracting(letter -> letter.headers().errorClass()).last().asString().startsWith("tools.jackson.");
        assertThat(deadLetters.sent()).allSatisfy(letter -> assertThat(letter.headers().attempts()).isEqualTo(2));
        assertThat(attempts.current(source(FIRST, null))).as("the batch went through: its partition counts afresh").isEqualTo(1);
    }

    private static RecordSource source(RecordedDeadLetters.Place place, byte[] key) {
        return new RecordSource(Topics.ARTICLES_CLASSIFIED, place.partition(), place.offset(), key);
    }

    private static ClassifiedArticle article(String id) {
        RawArticle raw = new RawArticle(1, id, "https://news.example/" + id, null, "feed-1", "News", "en", "Headline " + id, "", "",
                List.of(), Instant.parse("2026-11-20T09:00:00Z"), Instant.parse("2026-11-20T09:01:00Z"), null, null, List.of(),
                null, true);
        return new ClassifiedArticle(1, raw, "test", Instant.parse("2026-11-20T09:01:01Z"), "en", PairTag.of("VN", "JP", 0.8),
                List.of(new CountryTag("JP", 0.8, List.of()), new CountryTag("VN", 0.6, List.of())), List.of(), List.of());
    }

    private static byte[] record(ClassifiedArticle article) {
        return JSON.writeValueAsBytes(article);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
