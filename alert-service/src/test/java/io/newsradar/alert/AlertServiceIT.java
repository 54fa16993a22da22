package io.newsradar.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.newsradar.alert.match.SearchIndex;
import io.newsradar.contracts.AlertDelivery;
import io.newsradar.contracts.ArticleId;
import io.newsradar.contracts.ClassifiedArticle;
import io.newsradar.contracts.CountryTag;
import io.newsradar.contracts.PairTag;
import io.newsradar.contracts.RawArticle;
import io.newsradar.contracts.SavedSearch;
import io.newsradar.contracts.Topics;
import io.newsradar.testsupport.TestServers;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * alert-service against a real Kafka broker and a webhook receiver on this host: saved searches and classified
 * articles in, signed webhooks out, retried with the same delivery id, a search paused by 410 Gone, and a burst of
 * matches after a quiet day delivered as one spike.
 */
@SpringBootTest(properties = {
        "spring.config.name=alert-service",
        "newsradar.alert.delivery.allow-private-networks=true",
        "newsradar.alert.delivery.retry-initial=200ms",
        "newsradar.alert.delivery.retry-max=1s"})
class AlertServiceIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SECRET = "it-secret-" + UUID.randomUUID();
    private static final Instant NOW = Instant.now();

    /** One request the receiver got: its path, headers of interest and body. */
    record Received(String path, String deliveryId, String signature, String body) {
    }

    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static final AtomicInteger FLAKY_CALLS = new AtomicInteger();
    private static HttpServer receiver;

    @Autowired
    SearchIndex index;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestServers.registerKafka(registry);
    }

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            RECEIVED.add(new Received(path, exchange.getRequestHeaders().getFirst("X-Newsradar-Delivery"),
                    exchange.getRequestHeaders().getFirst("X-Newsradar-Signature-256"), new String(body, StandardCharsets.UTF_8)));
            int status = switch (path) {
                case "/flaky" -> FLAKY_CALLS.incrementAndGet() <= 2 ? 503 : 200;
                case "/gone" -> 410;
                default -> 200;
            };
            if (status == 503) {
                exchange.getResponseHeaders().add("Retry-After", "0");
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void deliversTwoSignedMatchesOfThreeArticlesWithDistinctDeliveryIds() throws Exception {
        String feed = feed("ok");
        saveSearch("labour-" + feed, Map.of("pair", List.of("VN-JP"), "feed", List.of(feed)), "/ok");

        publish(article(feed, "interns", "Thực tập sinh Bắc Giang sang Nhật Bản", "JP", "VN"),
                article(feed, "dam", "Laos and Vietnam weigh a new dam", "LA", "VN"),
                article(feed, "nurses", "Japan trains Vietnamese nurses", "JP", "VN"));

        List<Received> got = await("/ok", 2);
        assertThat(got).hasSize(2);
        assertThat(got).extracting(Received::deliveryId).doesNotHaveDuplicates().allMatch(id -> id != null && !id.isBlank());
        for (Received r : got) {
            assertThat(r.signature()).isEqualTo(hmac(r.body()));
            JsonNode body = JSON.readTree(r.body());
            assertThat(body.get("searchId").asString()).isEqualTo("labour-" + feed);
            assertThat(body.get("searchName").asString()).isEqualTo("search labour-" + feed);
            assertThat(body.get("text").asString()).doesNotContain("\n").contains("search labour-" + feed);
            assertThat(body.get("articles").get(0).get("pair").asString()).isEqualTo("JP-VN");
        }
        assertThat(got).extracting(r -> JSON.readTree(r.body()).get("articles").get(0).get("title").asString())
                .containsExactlyInAnyOrder("Thực tập sinh Bắc Giang sang Nhật Bản", "Japan trains Vietnamese nurses");
    }

    @Test
    void triesAgainWithTheSameDeliveryIdUntilTheReceiverTakesIt() throws Exception {
        String feed = feed("flaky");
        saveSearch("flaky-" + feed, Map.of("feed", List.of(feed)), "/flaky");

        publish(article(feed, "one", "Hanoi and Tokyo sign a labour accord", "JP", "VN"));

        List<Received> got = await("/flaky", 3);
        assertThat(got).hasSize(3);
        assertThat(got).extracting(Received::deliveryId).containsOnly(got.get(0).deliveryId());
        assertThat(got).extracting(Received::body).containsOnly(got.get(0).body());
        Thread.sleep(1500);
        assertThat(received("/flaky")).as("delivered once taken, not again").hasSize(3);
    }

    @Test
    void pausesTheSearchWhoseReceiverIsGone() throws Exception {
        String feed = feed("gone");
        String searchId = "gone-" + feed;
        saveSearch(searchId, Map.of("feed", List.of(feed)), "/gone");

        publish(article(feed, "first", "Vientiane hosts an investment forum", "LA", "VN"));
        assertThat(await("/gone", 1)).hasSize(1);

        SavedSearch paused = awaitSearch(searchId);
        assertThat(paused.enabled()).isFalse();
        assertThat(paused.webhook().url()).endsWith("/gone");

        publish(article(feed, "second", "Laos opens a new railway station", "LA", "VN"));
        Thread.sleep(2000);
        assertThat(received("/gone")).as("nothing more to a paused search").hasSize(1);
    }

    @Test
    void aBurstInOneHourAfterAQuietDayIsDeliveredAsOneSpike() throws Exception {
        String feed = feed("spike");
        String searchId = "spike-" + feed;
        saveSearch(searchId, Map.of("feed", List.of(feed)), "/spike");
        Instant hour = NOW.truncatedTo(ChronoUnit.HOURS);
        List<ClassifiedArticle> quietDay = new ArrayList<>();
        for (int h = 30; h >= 1; h--) {
            quietDay.add(article(feed, "quiet-" + h, "Hanoi and Vientiane meet, hour " + h, "LA", "VN", hour.minusSeconds(3600L * h)));
        }
        publish(quietDay.toArray(ClassifiedArticle[]::new));
        assertThat(await("/spike", 30)).as("one match an hour for thirty hours").hasSize(30);

        List<ClassifiedArticle> burst = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            burst.add(article(feed, "burst-" + i, "Border crossing reopens, report " + i, "LA", "VN", hour));
        }
        publish(burst.toArray(ClassifiedArticle[]::new));

        List<Received> got = await("/spike", 30 + 9 + 1);
        Thread.sleep(1000);
        List<Received> spikes = received("/spike").stream()
                .filter(r -> JSON.readTree(r.body()).get("kind").asString().equals("spike")).toList();
        assertThat(got).hasSize(40);
        assertThat(spikes).as("one spike for the hour").hasSize(1);
        Received spike = spikes.get(0);
        assertThat(spike.signature()).isEqualTo(hmac(spike.body()));
        assertThat(spike.deliveryId()).isEqualTo(AlertDelivery.spikeDeliveryId(searchId, hour));
        JsonNode body = JSON.readTree(spike.body());
        assertThat(body.get("searchId").asString()).isEqualTo(searchId);
        assertThat(body.get("text").asString()).isEqualTo("[search " + searchId + "] 5 articles in the hour against a usual 1");
        assertThat(body.get("articles")).isEmpty();
        assertThat(body.get("spike").get("hour").asString()).isEqualTo(hour.toString());
        assertThat(body.get("spike").get("count").asInt()).isEqualTo(5);
        assertThat(body.get("spike").get("history").asInt()).isEqualTo(30);
    }

    private static String feed(String what) {
        return "it-" + what + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private void saveSearch(String id, Map<String, List<String>> query, String path) throws Exception {
        SavedSearch search = new SavedSearch(1, id, "search " + id, "it", query,
                new SavedSearch.Webhook("http://127.0.0.1:" + receiver.getAddress().getPort() + path, SECRET, 1, null),
                true, NOW, NOW);
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.SEARCHES, id, JSON.writeValueAsString(search))).get();
        }
        Instant deadline = Instant.now().plusSeconds(60);
        while (!index.contains(id) && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(index.contains(id)).as("search " + id + " read from " + Topics.SEARCHES).isTrue();
    }

    private static void publish(ClassifiedArticle... articles) throws Exception {
        try (KafkaProducer<String, String> producer = producer()) {
            for (ClassifiedArticle a : articles) {
                producer.send(new ProducerRecord<>(Topics.ARTICLES_CLASSIFIED, a.articleId(), JSON.writeValueAsString(a))).get();
            }
        }
    }

    private static List<Received> await(String path, int count) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(90);
        while (received(path).size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        return received(path);
    }

    private static List<Received> received(String path) {
        return RECEIVED.stream().filter(r -> r.path().equals(path)).toList();
    }

    private static SavedSearch awaitSearch(String id) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka().bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "alert-it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<SavedSearch> versions = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.SEARCHES));
            Instant deadline = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(deadline) && versions.stream().noneMatch(s -> !s.enabled())) {
                consumer.poll(Duration.ofMillis(300)).forEach(r -> {
                    if (id.equals(r.key()) && r.value() != null) {
                        versions.add(JSON.readValue(r.value(), SavedSearch.class));
                    }
                });
            }
        }
        assertThat(versions).as("versions of " + id).isNotEmpty();
        return versions.get(versions.size() - 1);
    }

    private static String hmac(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static ClassifiedArticle article(String feed, String name, String title, String a, String b) {
        return article(feed, name, title, a, b, NOW);
    }

    private static ClassifiedArticle article(String feed, String name, String title, String a, String b, Instant publishedAt) {
        String url = "https://example.org/" + feed + "/" + name;
        RawArticle raw = new RawArticle(1, ArticleId.ofUrl(url), url, null, feed, "Example News", "en", title, "", "",
                List.of(), publishedAt, NOW);
        return new ClassifiedArticle(1, raw, "test", NOW, "en", PairTag.of(a, b, 0.8),
                List.of(new CountryTag(a, 0.8, List.of()), new CountryTag(b, 0.8, List.of())), List.of(), List.of());
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }
}
