package io.newsradar.classify;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.contracts.ClassifiedArticle;
import io.newsradar.contracts.DeadLetterHeaders;
import io.newsradar.contracts.RawArticle;
import io.newsradar.contracts.Topics;
import io.newsradar.testsupport.PoisonRecords;
import io.newsradar.testsupport.TestServers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every malformed and oversize kind of record on {@code news.articles.raw}, then a good one on the same partition:
 * the good one is classified within seconds, and each bad one is a dead letter with its reason and place.
 */
@SpringBootTest(properties = "spring.config.name=classify-service")
class ClassifyPoisonRecordsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestServers.registerKafka(registry);
    }

    @Test
    void aRecordOfEveryBadKindIsADeadLetterAndTheNextGoodRecordOnItsPartitionIsClassified() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        byte[] huge = JSON.writeValueAsBytes(article(run + "-over-1mb", "Japan and Vietnam in a very long story",
                "Japan and Vietnam. " + "word ".repeat(240_000)));
        String otherEvent = "{\"schemaVersion\": 1, \"feedId\": \"feed-1\", \"url\": \"https://feeds.example/rss\","
                + " \"title\": \"A feed\", \"pollInterval\": \"PT5M\", \"enabled\": true}";
        List<PoisonRecords.Poison> poison = PoisonRecords.kinds(otherEvent, huge);
        RawArticle good = article(run + "-good", "Nhật Bản hỗ trợ Việt Nam đào tạo điều dưỡng", "");

        Instant sent = Instant.now();
        PoisonRecords.send(Topics.ARTICLES_RAW, 2, run, poison, good.articleId(), JSON.writeValueAsBytes(good));

        assertThat(classified(good.articleId(), Duration.ofSeconds(30))).as("the good record after the poison").isNotNull();
        Map<String, ConsumerRecord<byte[], byte[]>> letters = PoisonRecords.deadLetters(Topics.ARTICLES_DLQ, run, poison.size(),
                Duration.ofSeconds(20));
        assertThat(letters).containsOnlyKeys(poison.stream().map(PoisonRecords.Poison::kind).toList());
        letters.forEach((kind, letter) -> {
            assertThat(PoisonRecords.header(letter, DeadLetterHeaders.STAGE)).as(kind).isEqualTo("classify-service");
            assertThat(PoisonRecords.header(letter, DeadLetterHeaders.ERROR)).as(kind).startsWith("classify-service could not ");
            assertThat(PoisonRecords.header(letter, DeadLetterHeaders.ORIGINAL_TOPIC)).as(kind).isEqualTo(Topics.ARTICLES_RAW);
            assertThat(PoisonRecords.header(letter, DeadLetterHeaders.ORIGINAL_PARTITION)).as(kind).isEqualTo("2");
            assertThat(PoisonRecords.header(letter, DeadLetterHeaders.ORIGINAL_OFFSET)).as(kind).matches("\\d+");
            DeadLetterHeaders headers = PoisonRecords.headers(letter);
            assertThat(headers.attempts()).as("attempts of %s", kind).isEqualTo(1);
            assertThat(headers.errorClass()).as("error class of %s", kind).isNotBlank();
            assertThat(headers.failedAt()).as("time of %s", kind).isBetween(sent, Instant.now());
        });
        assertThat(PoisonRecords.headers(letters.get("not-json")).errorClass()).startsWith("tools.jackson.");
        assertThat(PoisonRecords.headers(letters.get("null-value")).errorClass()).isEqualTo("no-value");
        assertThat(PoisonRecords.headers(letters.get("json-null")).errorClass()).isEqualTo("json-null");
        assertThat(PoisonRecords.headers(letters.get("over-1mb")).errorClass()).isEqualTo("over-record-size");
        assertThat(PoisonRecords.header(letters.get("null-value"), DeadLetterHeaders.ERROR)).endsWith("the record has no value");
        ConsumerRecord<byte[], byte[]> oversize = letters.get("over-1mb");
        assertThat(PoisonRecords.header(oversize, DeadLetterHeaders.ERROR)).contains("over the limit of");
        assertThat(PoisonRecords.header(oversize, DeadLetterHeaders.ORIGINAL_SIZE)).isEqualTo(Integer.toString(huge.length));
        assertThat(oversize.value().length).isLessThan(1_000 * 1024);
    }

    private static RawArticle article(String id, String title, String body) {
        return new RawArticle(1, id, null, id, "poison-feed", "Poison", null, title, "", body, List.of(), null, Instant.now());
    }

    private static ClassifiedArticle classified(String key, Duration atMost) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka().bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "classify-poison-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.ARTICLES_CLASSIFIED));
            Instant deadline = Instant.now().plus(atMost);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(300))) {
                    if (r.key() != null && key.equals(new String(r.key(), StandardCharsets.UTF_8))) {
                        return JSON.readValue(r.value(), ClassifiedArticle.class);
                    }
                }
            }
        }
        return null;
    }
}
