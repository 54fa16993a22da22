package io.newsradar.e2e;

import static io.newsradar.e2e.PipelineFixtures.JSON;
import static io.newsradar.e2e.PipelineFixtures.article;
import static io.newsradar.e2e.PipelineFixtures.await;
import static io.newsradar.e2e.PipelineFixtures.documentsOfFeed;
import static io.newsradar.e2e.PipelineFixtures.producer;
import static io.newsradar.e2e.PipelineFixtures.send;
import static io.newsradar.e2e.PipelineFixtures.title;
import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsradar.classify.ClassifyApplication;
import io.newsradar.contracts.ArticleDocument;
import io.newsradar.contracts.RawArticle;
import io.newsradar.contracts.Topics;
import io.newsradar.gateway.GatewayApplication;
import io.newsradar.gateway.security.ApiKeys;
import io.newsradar.index.IndexApplication;
import io.newsradar.testsupport.ElasticsearchNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The pipeline through an Elasticsearch outage. This class has an Elasticsearch node of its own, which it stops and
 * starts again; classify-service, index-service and api-gateway run as contexts in this JVM against it and the shared
 * broker, as in {@link PipelineIT}.
 */
@Tag("faults")
class ElasticsearchOutageIT {

    private static final String API_KEY = "outage-reader-key";
    /** One article every 40 ms: 25 a second. */
    private static final long PUBLISH_EVERY_MILLIS = 40;

    private static ElasticsearchNode node;
    private static ConfigurableApplicationContext classify;
    private static ConfigurableApplicationContext index;
    private static ConfigurableApplicationContext gateway;
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startServices() {
        node = ElasticsearchNode.start("outage");
        classify = PipelineFixtures.start(ClassifyApplication.application(), node.url());
        // Tries a batch again at least every 2 s, and waits 5 s for Elasticsearch's answer (not 60) before it does.
        index = PipelineFixtures.start(IndexApplication.application(), node.url(), "--newsradar.index.retry-max-backoff=2s",
                "--newsradar.index.acknowledge-timeout=5s", "--spring.elasticsearch.socket-timeout=5s");
        gateway = PipelineFixtures.start(GatewayApplication.application(), node.url(), "--newsradar.gateway.api-keys[0].name=outage",
                "--newsradar.gateway.api-keys[0].sha256=" + ApiKeys.sha256(API_KEY), "--spring.elasticsearch.socket-timeout=5s");
    }

    @AfterAll
    static void stopServices() {
        Stream.of(gateway, index, classify).filter(Objects::nonNull).forEach(ConfigurableApplicationContext::close);
        if (node != null) {
            node.stop();
        }
    }

    @Test
    void everyArticlePublishedBeforeDuringAndAfterAnElasticsearchOutageIsSearchableAfterwardsAndNoneTwice() throws Exception {
        String run = "outage-" + UUID.randomUUID().toString().substring(0, 8);
        double writtenBefore = counter("newsradar.index.documents");
        double deadLettersBefore = counter("newsradar.index.dead.letters");

        List<String> published = publishThroughAnOutage(run);

        int n = published.size();
        await(() -> documentsOfFeed(client(), run) >= n, n + " documents of feed " + run, Duration.ofSeconds(120));
        await(() -> readiness(index).equals(Status.UP), "index-service to be ready again");
        await(() -> gatewayReadiness() == 200, "api-gateway's readiness probe to answer 200 again");
        List<String> searchable = searchThroughTheGateway(run);
        assertThat(documentsOfFeed(client(), run)).as("documents of feed %s behind the alias", run).isEqualTo(n);
        assertThat(PipelineFixtures.count(client(), ArticleDocument.ALIAS + "-*", q -> q.term(t -> t.field("feedId").value(run))))
                .as("documents of feed %s in every article index, not only the alias's", run).isEqualTo(n);
        assertThat(searchable).as("the articles the gateway lists, page by page").hasSize(n).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(published);
        assertThat(counter("newsradar.index.documents") - writtenBefore).as("writes Elasticsearch acknowledged, overwrites too")
                .isGreaterThanOrEqualTo(n);
        assertThat(counter("newsradar.index.dead.letters")).as("records index-service gave up on").isEqualTo(deadLettersBefore);
    }

    /**
     * Publishes articles of feed {@code run} at a steady rate: 100 before Elasticsearch is stopped, 250 and more while
     * it is stopped and while it starts again, 100 after. While it is stopped, index-service and api-gateway report
     * not ready. Returns the ids Kafka acknowledged, in order.
     */
    private static List<String> publishThroughAnOutage(String run) throws InterruptedException {
        List<String> published = new CopyOnWriteArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        try (KafkaProducer<String, String> producer = producer()) {
            ScheduledExecutorService publisher = Executors.newSingleThreadScheduledExecutor();
            AtomicInteger next = new AtomicInteger();
            publisher.scheduleAtFixedRate(() -> publishOne(producer, run, next.incrementAndGet(), published, failures), 0,
                    PUBLISH_EVERY_MILLIS, TimeUnit.MILLISECONDS);
            try {
                await(() -> published.size() >= 100, "100 articles published before the outage");
                node.stop();
                int atStop = published.size();
                await(() -> !readiness(index).equals(Status.UP), "index-service to report not ready without Elasticsearch");
                await(() -> gatewayReadiness() == 503, "api-gateway's readiness probe to answer 503 without Elasticsearch");
                await(() -> published.size() >= atStop + 250, "250 articles published while Elasticsearch is stopped");
                node.restart();
                int atRestart = published.size();
                await(() -> published.size() >= atRestart + 100, "100 articles published after the restart");
            } finally {
                publisher.shutdown();
                assertThat(publisher.awaitTermination(30, TimeUnit.SECONDS)).as("the publisher stopped").isTrue();
            }
        }
        assertThat(failures).as("articles Kafka did not take").isEmpty();
        return List.copyOf(published);
    }

    private static void publishOne(KafkaProducer<String, String> producer, String run, int i, List<String> published,
            List<Throwable> failures) {
        RawArticle article = article(run, String.valueOf(i), title(i));
        try {
            send(producer, Topics.ARTICLES_RAW, article.articleId(), JSON.writeValueAsString(article));
            published.add(article.articleId());
        } catch (Exception e) {
            failures.add(e);
        }
    }

    /** The ids the gateway lists for the feed, following the cursor from page to page. */
    private static List<String> searchThroughTheGateway(String feedId) throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            String query = "feed=" + feedId + "&size=100" + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(gatewayUri("/api/v1/articles?" + query))
                    .header("X-Api-Key", API_KEY).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET /api/v1/articles?%s: %s", query, response.body()).isEqualTo(200);
            JsonNode page = JSON.readTree(response.body());
            page.path("items").forEach(item -> ids.add(item.path("id").asString()));
            cursor = page.path("next").isNull() || page.path("next").isMissingNode() ? null : page.path("next").asString();
        } while (cursor != null);
        return ids;
    }

    private static int gatewayReadiness() {
        try {
            return http.send(HttpRequest.newBuilder(gatewayUri("/actuator/health/readiness")).timeout(Duration.ofSeconds(15)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static URI gatewayUri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + gateway.getEnvironment().getProperty("local.server.port") + pathAndQuery);
    }

    private static Status readiness(ConfigurableApplicationContext service) {
        return service.getBean(HealthEndpoint.class).healthForPath("readiness").getStatus();
    }

    private static double counter(String name) {
        return index.getBean(MeterRegistry.class).get(name).counter().count();
    }

    private static ElasticsearchClient client() {
        return index.getBean(ElasticsearchClient.class);
    }
}
