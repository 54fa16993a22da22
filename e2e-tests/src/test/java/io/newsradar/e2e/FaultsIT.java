package io.newsradar.e2e;

import static io.newsradar.e2e.PipelineFixtures.JSON;
import static io.newsradar.e2e.PipelineFixtures.TIMEOUT;
import static io.newsradar.e2e.PipelineFixtures.article;
import static io.newsradar.e2e.PipelineFixtures.await;
import static io.newsradar.e2e.PipelineFixtures.producer;
import static io.newsradar.e2e.PipelineFixtures.publish;
import static io.newsradar.e2e.PipelineFixtures.send;
import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.util.ObjectBuilder;
import io.newsradar.classify.ClassifyApplication;
import io.newsradar.classify.Classifier;
import io.newsradar.contracts.ArticleDocument;
import io.newsradar.contracts.ClassifiedArticle;
import io.newsradar.contracts.DeadLetterHeaders;
import io.newsradar.contracts.RawArticle;
import io.newsradar.contracts.Topics;
import io.newsradar.gateway.GatewayApplication;
import io.newsradar.gateway.security.ApiKeys;
import io.newsradar.index.IndexApplication;
import io.newsradar.testsupport.TestServers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * The pipeline's promises under faults, each test named after the one it proves. classify-service, index-service and
 * api-gateway run as Spring application contexts in this JVM, as in {@link PipelineIT}, against the real broker and
 * node; each test uses its own article and feed ids, so what other test classes leave in the topics and the index is
 * not counted. Faults that need an Elasticsearch node or a service process of their own are proven in
 * {@link ElasticsearchOutageIT} and {@link IndexServiceKilledIT}.
 */
@Tag("faults")
class FaultsIT {

    private static final String API_KEY = "faults-reader-key";
    private static ConfigurableApplicationContext classify;
    private static ConfigurableApplicationContext index;
    private static ConfigurableApplicationContext gateway;
    /** classify-service contexts replaced by a new classifier version, closed with the others. */
    private static final List<ConfigurableApplicationContext> retired = new ArrayList<>();

    @BeforeAll
    static void startServices() {
        classify = startClassify();
        index = start(IndexApplication.application());
        gateway = start(GatewayApplication.application(), "--newsradar.gateway.api-keys[0].name=faults",
                "--newsradar.gateway.api-keys[0].sha256=" + ApiKeys.sha256(API_KEY));
    }

    @AfterAll
    static void stopServices() {
        List<ConfigurableApplicationContext> services = new ArrayList<>(retired);
        services.addAll(Arrays.asList(gateway, index, classify));
        services.stream().filter(Objects::nonNull).forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void aPoisonEventInEachTopicLandsInTheDeadLetterTopicWithItsErrorAndTheFlowGoesOn() throws Exception {
        String run = "faults-poison-" + UUID.randomUUID().toString().substring(0, 8);
        RawArticle rawBefore = article(run, "raw-1", "Nhật Bản hỗ trợ Việt Nam đào tạo điều dưỡng");
        RawArticle rawAfter = article(run, "raw-2", "Le Japon et le Vietnam ouvrent une ligne aérienne");
        ClassifiedArticle classifiedBefore = classifier().classify(article(run, "classified-1", "Vietnam and Japan open a training centre"));
        ClassifiedArticle classifiedAfter = classifier().classify(article(run, "classified-2", "Hàn Quốc đầu tư vào Bắc Ninh"));
        String rawNotJson = "{\"articleId\": \"" + run + "-raw-poison\", not json";
        String rawIncomplete = JSON.writeValueAsString(Map.of("articleId", run + "-raw-incomplete", "title", "no feed, no ingestedAt"));
        String classifiedNotJson = "{\"article\": [\"" + run + "-classified-poison\"";
        String classifiedIncomplete = JSON.writeValueAsString(Map.of("schemaVersion", 1, "classifierVersion", "faults",
                "article", Map.of("articleId", run + "-classified-incomplete")));

        try (KafkaProducer<String, String> producer = producer()) {
            send(producer, Topics.ARTICLES_RAW, rawBefore.articleId(), JSON.writeValueAsString(rawBefore));
            send(producer, Topics.ARTICLES_RAW, run + "-raw-poison", rawNotJson);
            send(producer, Topics.ARTICLES_RAW, run + "-raw-incomplete", rawIncomplete);
            send(producer, Topics.ARTICLES_RAW, rawAfter.articleId(), JSON.writeValueAsString(rawAfter));
            send(producer, Topics.ARTICLES_CLASSIFIED, classifiedBefore.articleId(), JSON.writeValueAsString(classifiedBefore));
            send(producer, Topics.ARTICLES_CLASSIFIED, run + "-classified-poison", classifiedNotJson);
            send(producer, Topics.ARTICLES_CLASSIFIED, run + "-classified-incomplete", classifiedIncomplete);
            send(producer, Topics.ARTICLES_CLASSIFIED, classifiedAfter.articleId(), JSON.writeValueAsString(classifiedAfter));
        }

        List<String> good = List.of(rawBefore.articleId(), rawAfter.articleId(), classifiedBefore.articleId(), classifiedAfter.articleId());
        await(() -> documentsWithIds(good) == good.size(), "the four good articles to be searchable");
        List<ConsumerRecord<String, String>> dead = deadLetters(run, 4);

        assertThat(dead).as("dead letters of run %s", run).hasSize(4);
        assertThat(dead).filteredOn(r -> header(r, DeadLetterHeaders.ORIGINAL_TOPIC).equals(Topics.ARTICLES_RAW))
                .extracting(ConsumerRecord::value).containsExactlyInAnyOrder(rawNotJson, rawIncomplete);
        assertThat(dead).filteredOn(r -> header(r, DeadLetterHeaders.ORIGINAL_TOPIC).equals(Topics.ARTICLES_CLASSIFIED))
                .extracting(ConsumerRecord::value).containsExactlyInAnyOrder(classifiedNotJson, classifiedIncomplete);
        assertThat(dead).allSatisfy(record -> {
            String stage = header(record, DeadLetterHeaders.ORIGINAL_TOPIC).equals(Topics.ARTICLES_RAW) ? "classify-service" : "index-service";
            assertThat(header(record, DeadLetterHeaders.STAGE)).as("the stage of %s", record.value()).isEqualTo(stage);
            assertThat(header(record, DeadLetterHeaders.ERROR)).as("the error of %s", record.value()).isNotBlank();
        });
        assertThat(dead).filteredOn(r -> header(r, DeadLetterHeaders.STAGE).equals("index-service"))
                .allSatisfy(r -> assertThat(header(r, DeadLetterHeaders.ERROR)).startsWith("index-service could not read a ClassifiedArticle"));
        assertThat(documentsOfFeed(run)).as("documents of feed %s: the good ones, no poison", run).isEqualTo(good.size());
    }

    @Test
    void aReplayThroughANewClassifierVersionReTagsEveryArticleWithoutChangingTheCountOrFloodingTheLiveStream(@TempDir Path dataDir)
            throws Exception {
        String run = "faults-replay-" + UUID.randomUUID().toString().substring(0, 8);
        Instant longAgo = Instant.now().minus(Duration.ofDays(10));
        List<RawArticle> archive = IntStream.rangeClosed(1, 20)
                .mapToObj(i -> new RawArticle(1, run + "-" + i, "https://faults.example.org/" + run + "/" + i, run + "-" + i, run,
                        "Faults", null, "Nhật Bản hỗ trợ Việt Nam đào tạo điều dưỡng, khóa " + i, "", "", List.of(), longAgo,
                        longAgo.plusSeconds(i)))
                .toList();
        List<String> ids = archive.stream().map(RawArticle::articleId).toList();
        publish(archive);
        await(() -> documentsWithIds(ids) == ids.size(), "the archive to be indexed");
        String oldVersion = classifier().version();
        assertThat(documentsWithVersion(ids, oldVersion)).isEqualTo(ids.size());

        List<ServerSentEvent<String>> pushed = new CopyOnWriteArrayList<>();
        List<Throwable> failed = new CopyOnWriteArrayList<>();
        Disposable stream = liveStream().subscribe(pushed::add, failed::add);
        try {
            // The gateway sends its opening comment once the stream has subscribed to the live articles.
            await(() -> !pushed.isEmpty() || !failed.isEmpty(), "the live stream to open");
            assertThat(failed).as("the live stream's errors").isEmpty();
            // A fresh article before the replay and one after: the stream is live through the replay.
            RawArticle before = article(run, "live-before", "Hàn Quốc đầu tư vào Bắc Ninh");
            publish(List.of(before));
            await(() -> pushedIds(pushed, run).contains(before.articleId()), "the fresh article before the replay on the live stream");

            // The old version stops consuming and stays up until the end: closing a context here would dispose the
            // Netty resources that the gateway and this stream's client share with it in this JVM.
            classify.getBean(BindingsLifecycleController.class).stop("classify-in-0");
            retired.add(classify);
            classify = startClassify("--newsradar.classify.data-dir=" + dataDir);
            String newVersion = classifier().version();
            assertThat(newVersion).isNotEqualTo(oldVersion);
            publish(archive);
            await(() -> documentsWithVersion(ids, newVersion) == ids.size(), "every replayed article to be re-tagged " + newVersion);
            RawArticle after = article(run, "live-after", "Le Japon et le Vietnam ouvrent une ligne aérienne");
            publish(List.of(after));
            await(() -> pushedIds(pushed, run).contains(after.articleId()), "the fresh article after the replay on the live stream, on a stream that ended "
                    + failed);
            assertThat(failed).as("the live stream's errors").isEmpty();
        } finally {
            stream.dispose();
        }

        assertThat(documentsOfFeed(run)).as("documents of feed %s: the archive and the two fresh articles", run).isEqualTo(ids.size() + 2);
        assertThat(pushedIds(pushed, run)).as("articles of run %s pushed live", run)
                .containsExactlyInAnyOrder(run + "-live-before", run + "-live-after");
    }

    private static Classifier classifier() {
        return classify.getBean(Classifier.class);
    }

    private static ConfigurableApplicationContext startClassify(String... extra) {
        return start(ClassifyApplication.application(), extra);
    }

    private static ConfigurableApplicationContext start(SpringApplication application, String... extra) {
        return PipelineFixtures.start(application, TestServers.elasticsearch().url(), extra);
    }

    /**
     * The records of {@code news.articles.dlq} whose value names the run, read from the beginning until
     * {@code expected} are found (or the timeout), then one poll more for any beyond them.
     */
    private static List<ConsumerRecord<String, String>> deadLetters(String run, int expected) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "faults-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.ARTICLES_DLQ));
            Instant deadline = Instant.now().plus(TIMEOUT);
            boolean last = false;
            while (!last) {
                last = records.size() >= expected || Instant.now().isAfter(deadline);
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(300))) {
                    if (record.value() != null && record.value().contains(run)) {
                        records.add(record);
                    }
                }
            }
        }
        return records;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static long documentsWithIds(List<String> ids) {
        return count(q -> q.ids(i -> i.values(ids)));
    }

    private static long documentsWithVersion(List<String> ids, String classifierVersion) {
        return count(q -> q.bool(b -> b.filter(f -> f.ids(i -> i.values(ids)))
                .filter(f -> f.term(t -> t.field("classifierVersion").value(classifierVersion)))));
    }

    private static long documentsOfFeed(String feedId) {
        return count(q -> q.term(t -> t.field("feedId").value(feedId)));
    }

    private static long count(Function<Query.Builder, ObjectBuilder<Query>> query) {
        return PipelineFixtures.count(index.getBean(ElasticsearchClient.class), ArticleDocument.ALIAS, query);
    }

    /** The gateway's live stream of every article, as a client with a reader's key sees it. */
    private static Flux<ServerSentEvent<String>> liveStream() {
        String port = gateway.getEnvironment().getProperty("local.server.port");
        return WebClient.builder().baseUrl("http://127.0.0.1:" + port).defaultHeader("X-Api-Key", API_KEY).build()
                .get().uri("/api/v1/stream").accept(MediaType.TEXT_EVENT_STREAM).retrieve()
                .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() { });
    }

    /** The ids of the run's articles among the events' data (heartbeats and others have none). */
    private static List<String> pushedIds(List<ServerSentEvent<String>> pushed, String run) {
        return pushed.stream().map(ServerSentEvent::data).filter(data -> data != null && data.contains(run))
                .map(data -> JSON.readTree(data).path("id").asString()).toList();
    }
}
