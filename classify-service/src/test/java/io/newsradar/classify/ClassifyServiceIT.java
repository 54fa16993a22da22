package io.newsradar.classify;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.contracts.ClassifiedArticle;
import io.newsradar.contracts.DeadLetterHeaders;
import io.newsradar.contracts.RawArticle;
import io.newsradar.contracts.Topics;
import io.newsradar.testsupport.TestServers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/** classify-service against a real Kafka broker: raw in, classified out under the same key, poison to the DLQ. */
@SpringBootTest(properties = "spring.config.name=classify-service")
class ClassifyServiceIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestServers.registerKafka(registry);
    }

    @Test
    void classifiesEachRawArticleUnderItsKeyAndSendsAPoisonRecordToTheDeadLetterTopic() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        RawArticle first = article(run + "-1", "Nhật Bản hỗ trợ Việt Nam đào tạo điều dưỡng");
        RawArticle second = article(run + "-2", "Le Japon et le Vietnam ouvrent une ligne aérienne");
        String poisonKey = run + "-poison";

        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW, first.articleId(), JSON.writeValueAsString(first))).get();
            producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW, poisonKey, "{\"articleId\": not json")).get();
            producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW, second.articleId(), JSON.writeValueAsString(second))).get();
        }

        List<ConsumerRecord<String, String>> classified = consume(Topics.ARTICLES_CLASSIFIED, 2, r -> r.key().startsWith(run));
        List<ConsumerRecord<String, String>> dead = consume(Topics.ARTICLES_DLQ, 1, r -> r.key().equals(poisonKey));

        assertThat(classified).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(first.articleId(), second.articleId());
        for (ConsumerRecord<String, String> record : classified) {
            ClassifiedArticle article = JSON.readValue(record.value(), ClassifiedArticle.class);
            assertThat(article.pair().code()).isEqualTo("JP-VN");
            assertThat(article.classifierVersion()).isEqualTo(Classifier.VERSION);
        }
        assertThat(dead).singleElement().satisfies(record -> {
            assertThat(record.value()).isEqualTo("{\"articleId\": not json");
            assertThat(record.headers().lastHeader(DeadLetterHeaders.ERROR).value()).asString()
                    .startsWith("classify-service could not read a RawArticle: ");
            assertThat(record.headers().lastHeader(DeadLetterHeaders.STAGE).value()).asString().isEqualTo("classify-service");
            assertThat(record.headers().lastHeader(DeadLetterHeaders.ORIGINAL_TOPIC).value()).asString().isEqualTo(Topics.ARTICLES_RAW);
            assertThat(record.headers().lastHeader(DeadLetterHeaders.ORIGINAL_OFFSET).value()).asString().matches("\\d+");
        });
    }

    private static RawArticle article(String id, String title) {
        return new RawArticle(1, id, null, id, "it-feed", "IT", null, title, "", "", List.of(), null, Instant.now());
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    private static List<ConsumerRecord<String, String>> consume(String topic, int expected,
            Predicate<ConsumerRecord<String, String>> filter) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka().bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "classify-it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plusSeconds(30);
            while (records.size() < expected && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(300)).forEach(r -> {
                    if (r.key() != null && filter.test(r)) {
                        records.add(r);
                    }
                });
            }
            consumer.poll(Duration.ofMillis(300)).forEach(r -> {
                if (r.key() != null && filter.test(r)) {
                    records.add(r);
                }
            });
        }
        return records;
    }
}
