package io.newsradar.e2e;

import static io.newsradar.e2e.PipelineFixtures.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.testsupport.ElasticsearchServer;
import io.newsradar.testsupport.FeedServer;
import io.newsradar.testsupport.KafkaProcess;
import io.newsradar.testsupport.TestServers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The pipeline across a Kafka restart. The four services run as in {@link PipelineIT}, but on a broker of their own
 * run as a separate process ({@link KafkaProcess}), which the test stops with SIGTERM in the middle of the stream and
 * starts again, with its data, on the same port, while three feeds (vi, en, fr) keep gaining an item a second.
 *
 * <p>What is under test: ingest-service counts an item as seen only once Kafka has acknowledged it, so a poll whose
 * publishing fails or waits is fetched again; classify-service writes its output before it commits its input;
 * index-service writes each article under its id. Whatever the restart makes a stage redo must land on the same
 * document, and nothing in flight may be dropped.
 */
@Tag("faults")
class BrokerRestartIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String API_KEY = "restart-reader-key";
    private static final Duration GROWTH_PERIOD = Duration.ofSeconds(1);
    private static final Duration OUTAGE = Duration.ofSeconds(10);
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    private static KafkaProcess kafka;
    private static FeedServer server;
    private static RunningServices services;
    private static ScheduledExecutorService growth;
    private static final List<GrowingFeed> feeds = new ArrayList<>();

    @BeforeAll
    static void startPipelineOnABrokerProcess() {
        // The shared node and the broker process start side by side: each takes seconds.
        CompletableFuture<ElasticsearchServer> node = CompletableFuture.supplyAsync(TestServers::elasticsearch);
        kafka = KafkaProcess.start("restart");
        node.join();
        server = FeedServer.start();
        feeds.add(GrowingFeed.serve(server, "restart-vi-" + RUN, "vi", "Việt Nam và Nhật Bản ký thỏa thuận hợp tác số %d"));
        feeds.add(GrowingFeed.serve(server, "restart-en-" + RUN, "en", "Vietnam and Japan sign cooperation deal number %d"));
        feeds.add(GrowingFeed.serve(server, "restart-fr-" + RUN, "fr", "Le Vietnam et le Japon signent l'accord de coopération n° %d"));
        services = new RunningServices(kafka.bootstrapServers());
        services.classify();
        services.index();
        services.gateway(API_KEY);
        List<String> ingest = new ArrayList<>(List.of(
                // A failed publish is retried within a second or two, not after the production minute.
                "--newsradar.ingest.polling.backoff-initial=500ms",
                "--newsradar.ingest.polling.temporary-backoff-max=2s"));
        for (int i = 0; i < feeds.size(); i++) {
            // Polled every second whatever cadence the few items so far suggest (their first gap is the start-up's).
            ingest.addAll(feeds.get(i).ingestArguments(i, "poll-interval=1s"));
        }
        services.ingest(ingest.toArray(String[]::new));
    }

    @AfterAll
    static void stopEverything() {
        if (growth != null) {
            growth.shutdownNow();
        }
        if (services != null) {
            services.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aBrokerRestartMidStreamLosesNoArticleAndIndexesNoneTwice() throws Exception {
        List<String> feedIds = feeds.stream().map(GrowingFeed::feedId).toList();
        await(() -> services.documentsOf(feedIds) >= feeds.size(), "the first item of each feed to be indexed", TIMEOUT);
        growth = Executors.newSingleThreadScheduledExecutor();
        growth.scheduleAtFixedRate(() -> feeds.forEach(GrowingFeed::grow), 0, GROWTH_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        Thread.sleep(4_000);

        kafka.stop();
        int servedWhenStopped = servedCount();
        Thread.sleep(OUTAGE.toMillis());
        int servedWhenRestarted = servedCount();
        kafka.restart();
        Thread.sleep(6_000);
        growth.shutdown();
        assertThat(growth.awaitTermination(10, TimeUnit.SECONDS)).as("the feeds stopped growing").isTrue();

        List<String> served = feeds.stream().flatMap(f -> f.articleIds().stream()).toList();
        Set<String> distinct = Set.copyOf(served);
        assertThat(distinct).as("article ids of the items served").hasSameSizeAs(served);
        await(() -> services.indexedIds(feedIds).containsAll(distinct), "every one of the " + distinct.size() + " items served to be indexed",
                TIMEOUT);
        assertThat(services.indexedIds(feedIds)).as("ids indexed for the run's feeds").isEqualTo(distinct);
        assertThat(services.documentsOf(feedIds)).as("documents of the run's feeds").isEqualTo(distinct.size());
        assertThat(servedWhenRestarted).as("items served while Kafka was away").isGreaterThan(servedWhenStopped);
        for (ConfigurableApplicationContext service : services.all()) {
            String name = service.getEnvironment().getProperty("spring.application.name");
            await(() -> RunningServices.health(service).equals("UP"), name + " to report itself UP again", TIMEOUT);
        }
    }

    private static int servedCount() {
        return feeds.stream().mapToInt(f -> f.articleIds().size()).sum();
    }
}
