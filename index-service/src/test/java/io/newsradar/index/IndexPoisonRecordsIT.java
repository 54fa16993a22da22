package io.newsradar.index;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.newsradar.contracts.ArticleDocument;
import io.newsradar.contracts.ClassifiedArticle;
import io.newsradar.contracts.DeadLetterHeaders;
import io.newsradar.contracts.RawArticle;
import io.newsradar.contracts.Topics;
import io.newsradar.testsupport.PoisonRecords;
import io.newsradar.testsupport.TestServers;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every malformed and oversize kind of record on {@code news.articles.classified}, then a good one on the same
 * partition: the good one is indexed within seconds, and each bad one is a dead letter with its reason and place.
 */
@SpringBootTest(properties = {"spring.config.name=index-service", "newsradar.index.bulk-flush-interval=200ms"})
class IndexPoisonRecordsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ElasticsearchClient elasticsearch;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestServers.registerKafka(registry);
        TestServers.registerElasticsearch(registry);
    }

    @Test
    void aRecordOfEveryBadKindIsADeadLetterAndTheNextGoodRecordOnItsPartitionIsIndexed() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        // Over 1 MB, and with a source keyword longer than Lucene's largest term: Elasticsearch refuses it.
        ClassifiedArticle huge = article(run + "-over-1mb", "s".repeat(40_000), "word ".repeat(240_000));
        byte[] hugeValue = JSON.writeValueAsBytes(huge);
        String otherEvent = JSON.writeValueAsString(raw(run + "-raw", "IT", ""));
        List<PoisonRecords.Poison> poison = PoisonRecords.kinds(otherEvent, hugeValue);
        ClassifiedArticle good = article(run + "-good", "IT", "Vietnam and Japan open a training centre");

        Instant sent = Instant.now();
        PoisonRecords.send(Topics.ARTICLES_CLASSIFIED, 3, run, poison, good.articleId(), JSON.writeValueAsBytes(good));

        ClassifiedEvents.await(() -> exists(good.articleId()), "the good record after the poison to be indexed", Duration.ofSeconds(30));
        Map<String, ConsumerRecord<byte[], byte[]>> letters = PoisonRecords.deadLetters(Topics.ARTICLES_DLQ, run, poison.size(),
                Duration.ofSeconds(20));
        assertThat(letters).containsOnlyKeys(poison.stream().map(PoisonRecords.Poison::kind).toList());
        letters.forEach((kind, letter) -> {
            assertThat(PoisonRecords.header(letter, DeadLetterHeaders.STAGE)).as(kind).isEqualTo("index-service");
            assertThat(PoisonRecords.header(letter, DeadLetterHeaders.ERROR)).as(kind).isNotBlank();
            assertThat(PoisonRecords.header(letter, DeadLetterHeaders.ORIGINAL_TOPIC)).as(kind).isEqualTo(Topics.ARTICLES_CLASSIFIED);
            assertThat(PoisonRecords.header(letter, DeadLetterHeaders.ORIGINAL_PARTITION)).as(kind).isEqualTo("3");
            assertThat(PoisonRecords.header(letter, DeadLetterHeaders.ORIGINAL_OFFSET)).as(kind).matches("\\d+");
            DeadLetterHeaders headers = PoisonRecords.headers(letter);
            assertThat(headers.attempts()).as("attempts of %s", kind).isEqualTo(1);
            assertThat(headers.errorClass()).as("error class of %s", kind).isNotBlank();
            assertThat(headers.failedAt()).as("time of %s", kind).isBetween(sent, Instant.now());
        });
        assertThat(PoisonRecords.headers(letters.get("not-json")).errorClass()).startsWith("tools.jackson.");
        assertThat(PoisonRecords.headers(letters.get("null-value")).errorClass()).isEqualTo("no-value");
        assertThat(PoisonRecords.headers(letters.get("json-null")).errorClass()).isEqualTo("json-null");
        assertThat(PoisonRecords.headers(letters.get("over-1mb")).errorClass()).isEqualTo("elasticsearch-refused");
        assertThat(PoisonRecords.header(letters.get("not-json"), DeadLetterHeaders.ERROR))
                .startsWith("index-service could not read a ClassifiedArticle");
        assertThat(PoisonRecords.header(letters.get("null-value"), DeadLetterHeaders.ERROR)).endsWith("the record has no value");
        ConsumerRecord<byte[], byte[]> oversize = letters.get("over-1mb");
        assertThat(PoisonRecords.header(oversize, DeadLetterHeaders.ERROR)).startsWith("Elasticsearch refused article " + run + "-over-1mb (400)");
        assertThat(PoisonRecords.header(oversize, DeadLetterHeaders.ORIGINAL_SIZE)).isEqualTo(Integer.toString(hugeValue.length));
        assertThat(oversize.value().length).isLessThan(1_000 * 1024);
    }

    private boolean exists(String id) {
        try {
            return elasticsearch.exists(e -> e.index(ArticleDocument.ALIAS).id(id)).value();
        } catch (IOException e) {
            return false;
        }
    }

    private static RawArticle raw(String id, String source, String body) {
        return new RawArticle(1, id, "https://example.com/" + id, null, "poison-feed", source, "en", "A headline", "", body,
                List.of(), Instant.parse("2026-11-20T09:00:00Z"), Instant.parse("2026-11-20T09:01:00Z"));
    }

    private static ClassifiedArticle article(String id, String source, String body) {
        return new ClassifiedArticle(1, raw(id, source, body), "test", Instant.parse("2026-11-20T09:01:01Z"), "en", null,
                List.of(), List.of(), List.of());
    }
}
