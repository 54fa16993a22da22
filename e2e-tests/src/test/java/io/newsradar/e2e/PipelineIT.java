package io.newsradar.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsradar.classify.ClassifyApplication;
import io.newsradar.contracts.ArticleDocument;
import io.newsradar.contracts.ArticleId;
import io.newsradar.gateway.GatewayApplication;
import io.newsradar.gateway.security.ApiKeys;
import io.newsradar.index.IndexApplication;
import io.newsradar.ingest.IngestApplication;
import io.newsradar.testsupport.FeedServer;
import io.newsradar.testsupport.TestServers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The whole pipeline, thin but real: a feed on a local server → ingest-service → Kafka → classify-service → Kafka →
 * index-service → Elasticsearch → api-gateway. Each service runs as its own Spring application context in this JVM,
 * against the real KRaft broker and the real Elasticsearch node.
 */
class PipelineIT {

    private static final String FEED = "/vi-doi-ngoai.xml";
    private static final String FEED_ID = "vi-doi-ngoai";
    private static final String STORY = ArticleId.ofUrl("https://doingoai.example.vn/bac-giang-gunma-dao-tao-nghe.html");
    private static final String DOMESTIC = ArticleId.ofUrl("https://doingoai.example.vn/luc-ngan-nong-nghiep.html");

    private static final String API_KEY = "e2e-reader-key";
    private static final FeedServer feeds = FeedServer.start();
    private static final List<ConfigurableApplicationContext> services = new ArrayList<>();
    private static ConfigurableApplicationContext ingest;
    private static ConfigurableApplicationContext index;
    private static ConfigurableApplicationContext gateway;

    @BeforeAll
    static void startPipeline() throws IOException {
        feeds.route(FEED).body("application/rss+xml; charset=utf-8", fixture(FEED));
        services.add(start(ClassifyApplication.application()));
        index = start(IndexApplication.application());
        services.add(index);
        gateway = start(GatewayApplication.application(), "--newsradar.gateway.api-keys[0].name=e2e",
                "--newsradar.gateway.api-keys[0].sha256=" + ApiKeys.sha256(API_KEY));
        services.add(gateway);
        ingest = startIngest();
    }

    @AfterAll
    static void stopPipeline() {
        if (ingest != null) {
            ingest.close();
        }
        services.forEach(ConfigurableApplicationContext::close);
        feeds.close();
    }

    @Test
    void anArticleInAFeedComesBackFromTheGatewayWithItsTagsAndPublishingItAgainAddsNoDocument() throws Exception {
        await(() -> bodyOf("/api/v1/articles?country=JP").contains(STORY), Duration.ofSeconds(90), "the story to be searchable");

        web().get().uri("/api/v1/articles?country=JP&size=100").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[?(@.id == '%s')].pair".formatted(STORY)).isEqualTo("JP-VN")
                .jsonPath("$.items[?(@.id == '%s')].countries[0]".formatted(STORY)).isEqualTo("JP")
                .jsonPath("$.items[?(@.id == '%s')].language".formatted(STORY)).isEqualTo("vi")
                .jsonPath("$.items[?(@.id == '%s')].source".formatted(STORY)).isEqualTo("Tin Đối ngoại Địa phương")
                .jsonPath("$.items[?(@.id == '%s')]".formatted(DOMESTIC)).doesNotExist();
        web().get().uri("/api/v1/articles?q=bac giang&pair=VN-JP").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items[0].id").isEqualTo(STORY);
        await(() -> documentsOfFeed() == 2, Duration.ofSeconds(30), "both items to be indexed");

        int polls = feeds.requests(FEED).size();
        await(() -> feeds.requests(FEED).size() >= polls + 3, Duration.ofSeconds(30), "three more polls");
        assertThat(documentsOfFeed()).as("documents after the same feed was polled again").isEqualTo(2);

        // A fresh ingest-service remembers nothing and publishes both items again: they are written again, as the same documents.
        ingest.close();
        ingest = startIngest();
        await(() -> documentsWritten() >= 4, Duration.ofSeconds(60), "the republished items to be written again");

        assertThat(documentsOfFeed()).isEqualTo(2);
        assertThat(feeds.requests(FEED)).allSatisfy(r -> assertThat(r.userAgent()).startsWith("newsradar/"));
    }

    private static ConfigurableApplicationContext startIngest() {
        return start(IngestApplication.application(),
                "--newsradar.ingest.feeds[0].feed-id=" + FEED_ID,
                "--newsradar.ingest.feeds[0].url=" + feeds.url(FEED),
                "--newsradar.ingest.fetch.allow-private-networks=true",
                "--newsradar.ingest.default-poll-interval=1s",
                "--newsradar.ingest.scheduler-tick=200ms");
    }

    private static ConfigurableApplicationContext start(SpringApplication application, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.cloud.stream.kafka.binder.brokers=" + TestServers.kafka().bootstrapServers(),
                "--spring.elasticsearch.uris=" + TestServers.elasticsearch().url(),
                "--newsradar.index.bulk-flush-interval=200ms"));
        args.addAll(List.of(extra));
        return application.run(args.toArray(String[]::new));
    }

    private long documentsOfFeed() {
        try {
            ElasticsearchClient client = gateway.getBean(ElasticsearchClient.class);
            client.indices().refresh(r -> r.index(ArticleDocument.ALIAS));
            return client.count(c -> c.index(ArticleDocument.ALIAS).query(q -> q.term(t -> t.field("feedId").value(FEED_ID)))).count();
        } catch (IOException e) {
            throw new IllegalStateException("cannot count documents in Elasticsearch", e);
        }
    }

    /** What index-service counts as acknowledged by Elasticsearch, overwrites included. */
    private static double documentsWritten() {
        return index.getBean(MeterRegistry.class).get("newsradar.index.documents").counter().count();
    }

    private String bodyOf(String path) {
        byte[] body = web().get().uri(path).exchange().expectBody().returnResult().getResponseBody();
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    private WebTestClient web() {
        String port = gateway.getEnvironment().getProperty("local.server.port");
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).defaultHeader("X-Api-Key", API_KEY)
                .responseTimeout(Duration.ofSeconds(10)).build();
    }

    private static void await(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(250);
        }
    }

    private static String fixture(String path) throws IOException {
        try (InputStream in = PipelineIT.class.getResourceAsStream("/feeds" + path)) {
            if (in == null) {
                throw new IOException("no fixture feeds" + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
