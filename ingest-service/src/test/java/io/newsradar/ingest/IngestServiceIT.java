package io.newsradar.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.contracts.ArticleId;
import io.newsradar.contracts.FeedSpec;
import io.newsradar.contracts.FeedState;
import io.newsradar.contracts.Topics;
import io.newsradar.ingest.schedule.FeedScheduler;
import io.newsradar.testsupport.FeedServer;
import io.newsradar.testsupport.RssFeed;
import io.newsradar.testsupport.TestServers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * ingest-service against a real Kafka broker: feeds come from the registry, each item arrives on news.articles.raw
 * once, every feed's state is in news.feed-state, and a second instance takes feeds over without republishing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IngestServiceIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final FeedServer feeds = FeedServer.start();
    private static final String GROUP = "ingest-it-" + UUID.randomUUID();
    private static final RssFeed asie = RssFeed.channel("Actualités Asie", "https://actu.example.fr/", "fr")
            .item("Le Vietnam et le Japon signent un accord sur les stagiaires", "https://actu.example.fr/a/stagiaires",
                    "Un accord de formation.", Instant.parse("2026-11-20T06:00:00Z"))
            .item("Tokyo finance un hôpital à Hué", "https://actu.example.fr/a/hopital-hue",
                    "Une aide publique au développement.", Instant.parse("2026-11-20T07:00:00Z"));
    private static final List<ConfigurableApplicationContext> instances = new ArrayList<>();
    /** actu-asie, gone and desk-0 … desk-5; the two malformed registry records are not feeds. */
    private static final int FEEDS_OF_THIS_TEST = 8;

    @BeforeAll
    static void start() {
        feeds.route("/asie.xml").body("application/rss+xml", asie.toXml()).etag("\"asie-1\"");
        feeds.route("/gone.xml").status(410);
        for (int i = 0; i < 6; i++) {
            feeds.route("/desk-" + i + ".xml").body("application/rss+xml", RssFeed.channel("Desk " + i, "https://desk.example.com/", "en")
                    .item("Desk " + i + ": Japan and Vietnam expand intern scheme", "https://desk.example.com/" + i + "/interns", "Lead.",
                            Instant.parse("2026-11-21T06:00:00Z")).toXml()).etag("\"d" + i + "\"");
        }
        instances.add(startInstance());
    }

    @AfterAll
    static void stop() {
        instances.forEach(ConfigurableApplicationContext::close);
        feeds.close();
    }

    @Test
    @Order(1)
    void publishesEveryItemOnceKeyedByArticleIdAcrossRepeatedPollsAndSavesTheFeedsState() {
        await(() -> feeds.requests("/asie.xml").size() >= 5, "five polls of the feed");

        assertThat(articleKeys("actu-asie")).containsExactlyInAnyOrder(
                ArticleId.ofUrl("https://actu.example.fr/a/stagiaires"), ArticleId.ofUrl("https://actu.example.fr/a/hopital-hue"));
        assertThat(feeds.requests("/asie.xml").subList(1, 5)).extracting(FeedServer.Request::ifNoneMatch).containsOnly("\"asie-1\"");
        FeedState state = latestStates().get("actu-asie");
        assertThat(state.etag()).isEqualTo("\"asie-1\"");
        assertThat(state.recent()).hasSize(2);
        assertThat(state.failing()).isFalse();
    }

    @Test
    @Order(2)
    void aGoneFeedEndsFailingWithItsErrorInItsStateWhileTheOthersKeepBeingPolled() {
        await(() -> {
            FeedState gone = latestStates().get("gone");
            return gone != null && gone.failing();
        }, "the gone feed to be marked failing");

        FeedState gone = latestStates().get("gone");
        assertThat(gone.lastOutcome()).isEqualTo("permanent_error");
        assertThat(gone.lastError()).contains(feeds.url("/gone.xml"), "410");
        int before = feeds.requests("/asie.xml").size();
        await(() -> feeds.requests("/asie.xml").size() > before + 2, "the good feed to be polled on");
        assertThat(body("/actuator/prometheus")).contains("newsradar_ingest_feeds_failing", "newsradar_ingest_polls_total");
    }

    @Test
    @Order(3)
    void aFeedAddedToTheRegistryIsPolledAndAMalformedRegistryRecordIsSkipped() throws Exception {
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.FEEDS, "broken", "{\"feedId\": \"broken\", \"url\": \"gopher://x\"}")).get();
            producer.send(new ProducerRecord<>(Topics.FEEDS, "not-json", "<feed/>")).get();
            producer.send(new ProducerRecord<>(Topics.FEEDS, "desk-0",
                    JSON.writeValueAsString(FeedSpec.of("desk-0", feeds.url("/desk-0.xml"), "en")))).get();
        }

        await(() -> articleKeys("desk-0").size() == 1, "the added feed's article");

        assertThat(articleKeys("desk-0")).containsExactly(ArticleId.ofUrl("https://desk.example.com/0/interns"));
    }

    @Test
    @Order(4)
    void exposesHealthProbesAndPrometheusMetrics() {
        WebTestClient web = web(instances.get(0));
        web.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        web.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        assertThat(body("/actuator/prometheus")).contains("newsradar_ingest_fetch_seconds_count", "newsradar_ingest_feeds_owned",
                "newsradar_ingest_articles_published_total", "newsradar_ingest_polls_not_modified_ratio");
    }

    @Test
    @Order(5)
    void aSecondInstanceSharesTheFeedsAndTakesThemAllOverWithoutRepublishingAnything() throws Exception {
        try (KafkaProducer<String, String> producer = producer()) {
            for (int i = 1; i < 6; i++) {
                producer.send(new ProducerRecord<>(Topics.FEEDS, "desk-" + i,
                        JSON.writeValueAsString(FeedSpec.of("desk-" + i, feeds.url("/desk-" + i + ".xml"), "en")))).get();
            }
        }
        await(() -> deskArticles() == 6, "every desk feed's article");

        instances.add(startInstance());
        await(() -> owned(instances.get(1)) > 0 && owned(instances.get(0)) + owned(instances.get(1)) == FEEDS_OF_THIS_TEST,
                "the feeds to be shared between the two instances");
        instances.remove(0).close();
        Map<String, Integer> pollsBefore = deskPolls();
        await(() -> deskPolls().entrySet().stream().allMatch(e -> e.getValue() >= pollsBefore.get(e.getKey()) + 2),
                "every desk feed to be polled twice more by the remaining instance");

        assertThat(deskArticles()).as("articles on news.articles.raw from the desk feeds").isEqualTo(6);
        for (int i = 0; i < 6; i++) {
            List<FeedServer.Request> requests = feeds.requests("/desk-" + i + ".xml");
            assertThat(requests.get(requests.size() - 1).ifNoneMatch()).as("desk-%d asked conditionally after the takeover", i)
                    .isEqualTo("\"d" + i + "\"");
        }
        assertThat(articleKeys("actu-asie")).hasSize(2);
    }

    @Test
    @Order(6)
    void importOpmlWritesEveryFeedOfTheListToTheRegistryAndReportsTheOutlinesItSkipped() throws Exception {
        feeds.route("/opml-a.xml").body("application/rss+xml", RssFeed.channel("Tin Mekong", "https://mekong.example.vn/", "vi")
                .item("Luang Namtha đón đoàn doanh nghiệp Việt Nam", "https://mekong.example.vn/luang-namtha", "Hợp tác.",
                        Instant.parse("2026-11-22T03:00:00Z")).toXml());
        Path opml = Files.createTempFile("subscriptions", ".opml");
        Files.writeString(opml, """
                <?xml version="1.0" encoding="UTF-8"?>
                <opml version="2.0"><body>
                  <outline text="Tin Mekong" language="vi" newsradarId="opml-a" xmlUrl="%s"/>
                  <outline text="Not a web feed" xmlUrl="gopher://mekong.example.vn/rss"/>
                </body></opml>
                """.formatted(feeds.url("/opml-a.xml")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = IngestApplication.importOpml(new String[] {opml.toString(),
                "--spring.cloud.stream.kafka.binder.brokers=" + TestServers.kafka().bootstrapServers()},
                new PrintStream(out, true, StandardCharsets.UTF_8));

        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(report).isEqualTo(3);
        assertThat(report).contains("outline 2 ('Not a web feed')", "wrote 1 feed from " + opml, "1 outline skipped");
        await(() -> articleKeys("opml-a").size() == 1, "the imported feed's article");
        Files.delete(opml);
    }

    private static ConfigurableApplicationContext startInstance() {
        return IngestApplication.application().run(
                "--server.port=0",
                "--spring.cloud.stream.kafka.binder.brokers=" + TestServers.kafka().bootstrapServers(),
                "--newsradar.ingest.registry.group-id=" + GROUP,
                "--newsradar.ingest.fetch.allow-private-networks=true",
                "--newsradar.ingest.polling.scheduler-tick=100ms",
                "--newsradar.ingest.polling.default-interval=500ms",
                "--newsradar.ingest.polling.min-interval=300ms",
                "--newsradar.ingest.polling.max-interval=1s",
                "--newsradar.ingest.polling.backoff-initial=300ms",
                "--newsradar.ingest.polling.permanent-backoff-max=1s",
                "--newsradar.ingest.polling.state-heartbeat=1s",
                "--newsradar.ingest.feeds[0].feed-id=actu-asie",
                "--newsradar.ingest.feeds[0].url=" + feeds.url("/asie.xml"),
                "--newsradar.ingest.feeds[0].language-hint=fr",
                "--newsradar.ingest.feeds[1].feed-id=gone",
                "--newsradar.ingest.feeds[1].url=" + feeds.url("/gone.xml"));
    }

    private static int owned(ConfigurableApplicationContext instance) {
        return instance.getBean(FeedScheduler.class).ownedCount();
    }

    private static Map<String, Integer> deskPolls() {
        Map<String, Integer> polls = new HashMap<>();
        for (int i = 0; i < 6; i++) {
            polls.put("desk-" + i, feeds.requests("/desk-" + i + ".xml").size());
        }
        return polls;
    }

    private static int deskArticles() {
        Map<String, List<String>> byFeed = articleKeysByFeed();
        int n = 0;
        for (int i = 0; i < 6; i++) {
            n += byFeed.getOrDefault("desk-" + i, List.of()).size();
        }
        return n;
    }

    /** Every key published for a feed, repeats included. */
    private static List<String> articleKeys(String feedId) {
        return articleKeysByFeed().getOrDefault(feedId, List.of());
    }

    private static Map<String, List<String>> articleKeysByFeed() {
        Map<String, List<String>> byFeed = new HashMap<>();
        for (ConsumerRecord<String, String> record : readAll(Topics.ARTICLES_RAW)) {
            String feedId = JSON.readTree(record.value()).path("feedId").asString();
            byFeed.computeIfAbsent(feedId, f -> new ArrayList<>()).add(record.key());
        }
        return byFeed;
    }

    private static Map<String, FeedState> latestStates() {
        Map<String, FeedState> states = new HashMap<>();
        for (ConsumerRecord<String, String> record : readAll(Topics.FEED_STATE)) {
            states.put(record.key(), JSON.readValue(record.value(), FeedState.class));
        }
        return states;
    }

    /** The whole topic as it is now, read without a consumer group. */
    private static List<ConsumerRecord<String, String>> readAll(String topic) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka().bootstrapServers()),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka().bootstrapServers()),
                new StringSerializer(), new StringSerializer());
    }

    private static String body(String path) {
        byte[] body = web(instances.get(instances.size() - 1)).get().uri(path).exchange().expectBody().returnResult().getResponseBody();
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    private static WebTestClient web(ConfigurableApplicationContext instance) {
        return WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + instance.getEnvironment().getProperty("local.server.port")).build();
    }

    private static void await(BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out after 60 s waiting for " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }
}
