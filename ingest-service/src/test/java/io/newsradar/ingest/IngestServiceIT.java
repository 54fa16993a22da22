package io.newsradar.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.contracts.ArticleId;
import io.newsradar.contracts.Topics;
import io.newsradar.testsupport.FeedServer;
import io.newsradar.testsupport.RssFeed;
import io.newsradar.testsupport.TestServers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** ingest-service against a real Kafka broker: a feed's items arrive on news.articles.raw, keyed, once. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=ingest-service", "newsradar.ingest.scheduler-tick=200ms",
                "newsradar.ingest.default-poll-interval=500ms", "newsradar.ingest.fetch.allow-private-networks=true"})
class IngestServiceIT {

    private static final FeedServer feeds = FeedServer.start();
    private static final RssFeed rss = RssFeed.channel("Actualités Asie", "https://actu.example.fr/", "fr")
            .item("Le Vietnam et le Japon signent un accord sur les stagiaires", "https://actu.example.fr/a/stagiaires",
                    "Un accord de formation.", Instant.parse("2026-11-20T06:00:00Z"))
            .item("Tokyo finance un hôpital à Hué", "https://actu.example.fr/a/hopital-hue",
                    "Une aide publique au développement.", Instant.parse("2026-11-20T07:00:00Z"));

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        feeds.route("/asie.xml").body("application/rss+xml", rss.toXml());
        TestServers.registerKafka(registry);
        registry.add("newsradar.ingest.feeds[0].feed-id", () -> "actu-asie");
        registry.add("newsradar.ingest.feeds[0].url", () -> feeds.url("/asie.xml"));
        registry.add("newsradar.ingest.feeds[0].language-hint", () -> "fr");
    }

    @AfterAll
    static void stopFeeds() {
        feeds.close();
    }

    @Test
    void publishesEveryItemOnceKeyedByArticleIdAcrossRepeatedPolls() {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of(Topics.ARTICLES_RAW));
            Instant deadline = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(deadline) && (records.size() < 2 || feeds.requests("/asie.xml").size() < 5)) {
                consumer.poll(Duration.ofMillis(300)).forEach(records::add);
            }
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        }

        assertThat(feeds.requests("/asie.xml")).hasSizeGreaterThanOrEqualTo(5);
        assertThat(records).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(
                ArticleId.ofUrl("https://actu.example.fr/a/stagiaires"), ArticleId.ofUrl("https://actu.example.fr/a/hopital-hue"));
        assertThat(records).allSatisfy(r -> assertThat(r.value())
                .contains("\"feedId\":\"actu-asie\"", "\"language\":\"fr\"", "\"schemaVersion\":1"));
    }

    @Test
    void exposesHealthProbesAndPrometheusMetrics() {
        WebTestClient web = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
        web.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        web.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        web.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("newsradar_ingest_fetch_seconds_count"));
    }

    private static KafkaConsumer<String, String> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka().bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "ingest-it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }
}
