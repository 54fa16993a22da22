package io.newsradar.e2e;

import static io.newsradar.e2e.PipelineFixtures.JSON;
import static io.newsradar.e2e.PipelineFixtures.article;
import static io.newsradar.e2e.PipelineFixtures.await;
import static io.newsradar.e2e.PipelineFixtures.documentsOfFeed;
import static io.newsradar.e2e.PipelineFixtures.producer;
import static io.newsradar.e2e.PipelineFixtures.title;
import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.newsradar.classify.Classifier;
import io.newsradar.contracts.ArticleDocument;
import io.newsradar.contracts.ClassifiedArticle;
import io.newsradar.contracts.Topics;
import io.newsradar.testsupport.TestServers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.http.HttpHost;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/**
 * index-service killed with SIGKILL between a bulk Elasticsearch acknowledged and the commit of its batch's offsets.
 * index-service runs as a process of its own ({@link ServiceProcess}, {@link IndexServiceWithCrashPoint}), first with
 * a crash point, then as itself; the broker is this JVM's and the Elasticsearch node is the shared
 * one. The run's articles are published classified, straight to {@code news.articles.classified}.
 */
@Tag("faults")
class IndexServiceKilledIT {

    private static final String GROUP = group("index-service.yml", "index-in-0");
    /** The run's first articles all go to one partition, the marker last: written in order, the marker's batch ends them. */
    private static final TopicPartition PARTITION = new TopicPartition(Topics.ARTICLES_CLASSIFIED, 0);
    private static final int ARTICLES = 200;
    private static final int MORE = 5;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final List<ServiceProcess> processes = new ArrayList<>();
    private static final Classifier classifier = Classifier.withDefaults();
    private static Admin kafka;
    private static ElasticsearchClient elasticsearch;

    /** A failure says what the index-service processes logged last. */
    @RegisterExtension
    static final TestExecutionExceptionHandler processLogs = (context, thrown) -> {
        processes.forEach(p -> thrown.addSuppressed(new Exception(p.tail(80))));
        throw thrown;
    };

    @BeforeAll
    static void connect() {
        kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka().bootstrapServers()));
        elasticsearch = new ElasticsearchClient(new RestClientTransport(
                RestClient.builder(HttpHost.create(TestServers.elasticsearch().url())).build(), new Jackson3JsonpMapper()));
    }

    @AfterAll
    static void stopProcesses() throws IOException {
        processes.forEach(ServiceProcess::kill);
        if (kafka != null) {
            kafka.close();
        }
        if (elasticsearch != null) {
            elasticsearch.close();
        }
    }

    @Test
    void indexServiceKilledAfterABulkSucceededButBeforeItsOffsetCommitLeavesTheCountUnchangedWhenItRestarts(@TempDir Path dir)
            throws Exception {
        String run = "killed-" + UUID.randomUUID().toString().substring(0, 8);
        List<ClassifiedArticle> articles = articles(run, "", ARTICLES);
        String marker = articles.get(ARTICLES - 1).articleId();
        long start = latestOffset();
        publish(articles, PARTITION.partition());
        long end = latestOffset();
        assertThat(end).as("the end of %s after the run's articles", PARTITION).isEqualTo(start + ARTICLES);

        List<String> batch = killedAfterWriting(marker, dir.resolve("written-batch.txt"));

        assertThat(batch).as("the batch written before the kill").contains(marker);
        assertThat(documentsOfFeed(elasticsearch, run)).as("documents of the run right after the kill").isEqualTo(ARTICLES);
        long committed = committedOffset();
        assertThat(committed).as("the offset of group %s on %s after the kill: the written batch is not committed", GROUP, PARTITION)
                .isLessThanOrEqualTo(end - batch.size());

        ServiceProcess restarted = startIndexService("index-service-restarted", Map.of());
        long redelivered = end - committed;
        await(() -> documentsWritten(restarted) >= redelivered, "the restarted index-service to write the " + redelivered
                + " records after the committed offset again", START_TIMEOUT);
        assertThat(documentsOfFeed(elasticsearch, run)).as("documents of the run once the redelivered records are written again")
                .isEqualTo(ARTICLES);

        List<ClassifiedArticle> more = articles(run, "more-", MORE);
        publish(more, null);
        await(() -> documentsOfFeed(elasticsearch, run) >= ARTICLES + MORE, "the articles published after the restart to be indexed");
        // Some of the later articles may land on the partition too (by key): the group commits to its new end.
        await(() -> committedOffset() == latestOffset(), "group " + GROUP + " to commit past the redelivered batch, to the end of " + PARTITION);

        List<String> ids = Stream.concat(articles.stream(), more.stream()).map(ClassifiedArticle::articleId).toList();
        assertThat(documentsOfFeed(elasticsearch, run)).as("documents of the run at the end").isEqualTo(ARTICLES + MORE);
        assertThat(idsOfFeed(run)).as("the ids of the run's documents").containsExactlyInAnyOrderElementsOf(ids);
        assertThat(documentsWritten(restarted)).as("documents the restarted index-service wrote: the redelivered and the new")
                .isGreaterThanOrEqualTo(redelivered + MORE);
    }

    /**
     * Starts index-service with the crash point at the marker article, waits until the marker's batch is written,
     * kills it with SIGKILL, and returns the ids of that batch.
     */
    private static List<String> killedAfterWriting(String marker, Path markerFile) throws Exception {
        ServiceProcess crashing = startIndexService("index-service-crash-point", Map.of(IndexServiceWithCrashPoint.AFTER_ARTICLE, marker, IndexServiceWithCrashPoint.MARKER_FILE, markerFile.toString()));
        await(() -> Files.exists(markerFile) || !crashing.isAlive(), "index-service to write the marker's batch", START_TIMEOUT);
        assertThat(crashing.isAlive()).as("index-service with the crash point is running").isTrue();
        List<String> batch = Files.readAllLines(markerFile);
        crashing.kill();
        return batch;
    }

    private static List<ClassifiedArticle> articles(String run, String prefix, int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> classifier.classify(article(run, prefix + i, title(i)))).toList();
    }

    /** Publishes the articles to {@code news.articles.classified}, in order, to one partition or (null) by key. */
    private static void publish(List<ClassifiedArticle> articles, Integer partition) throws Exception {
        try (KafkaProducer<String, String> producer = producer()) {
            for (ClassifiedArticle a : articles) {
                producer.send(new ProducerRecord<>(Topics.ARTICLES_CLASSIFIED, partition, a.articleId(), JSON.writeValueAsString(a))).get();
            }
        }
    }

    private static ServiceProcess startIndexService(String name, Map<String, String> systemProperties) {
        String consumer = "--spring.cloud.stream.kafka.bindings.index-in-0.consumer.configuration.";
        ServiceProcess process = ServiceProcess.start(name, IndexServiceWithCrashPoint.class, systemProperties, List.of(
                "--spring.cloud.stream.kafka.binder.brokers=" + TestServers.kafka().bootstrapServers(),
                "--spring.elasticsearch.uris=" + TestServers.elasticsearch().url(),
                "--newsradar.index.bulk-flush-interval=200ms",
                // The killed member leaves the group after 6 s (the broker's least), not 45: the restart takes its partitions sooner.
                consumer + "session.timeout.ms=6000",
                consumer + "heartbeat.interval.ms=1000"));
        processes.add(process);
        return process;
    }

    /** What the process's {@code newsradar.index.documents} counter says (acknowledged writes, overwrites too), or -1. */
    private static double documentsWritten(ServiceProcess process) {
        String metrics = process.get("/actuator/prometheus");
        if (metrics == null) {
            return -1;
        }
        return metrics.lines().filter(l -> l.startsWith("newsradar_index_documents_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static List<String> idsOfFeed(String feedId) throws IOException {
        return elasticsearch.search(s -> s.index(ArticleDocument.ALIAS).size(1000).source(src -> src.fetch(false))
                        .query(q -> q.term(t -> t.field("feedId").value(feedId))), ArticleDocument.class)
                .hits().hits().stream().map(Hit::id).toList();
    }

    private static long latestOffset() {
        return offset(OffsetSpec.latest());
    }

    private static long offset(OffsetSpec spec) {
        return result(kafka.listOffsets(Map.of(PARTITION, spec)).partitionResult(PARTITION), "the offsets of " + PARTITION).offset();
    }

    /** The group's committed offset on the partition; the partition's first offset when it has none. */
    private static long committedOffset() {
        OffsetAndMetadata committed = result(kafka.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata(),
                "the offsets of group " + GROUP).get(PARTITION);
        return committed == null ? offset(OffsetSpec.earliest()) : committed.offset();
    }

    private static <T> T result(KafkaFuture<T> future, String what) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read " + what, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + what, e);
        }
    }

    /** The consumer group of an input binding, as the service's configuration in its jar names it. */
    private static String group(String configuration, String binding) {
        try {
            Object group = new YamlPropertySourceLoader().load(configuration, new ClassPathResource(configuration)).get(0)
                    .getProperty("spring.cloud.stream.bindings." + binding + ".group");
            return String.valueOf(group);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + configuration, e);
        }
    }
}
