package io.newsradar.e2e;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.util.ObjectBuilder;
import io.newsradar.contracts.ArticleDocument;
import io.newsradar.contracts.RawArticle;
import io.newsradar.contracts.Topics;
import io.newsradar.testsupport.TestServers;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the pipeline ITs share: a service started as a Spring context against this JVM's broker and a given
 * Elasticsearch, a run's articles published to the broker, its documents counted, and waiting for a condition.
 */
final class PipelineFixtures {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** How long {@link #await(BooleanSupplier, String)} waits. */
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String[] TITLES = {
            "Nhật Bản hỗ trợ Việt Nam đào tạo điều dưỡng, khóa %d",
            "Vietnam and Japan open a training centre, intake %d",
            "Le Japon et le Vietnam ouvrent une ligne aérienne, vol %d"};

    private PipelineFixtures() {
    }

    /** Starts a service on a free port, its Kafka binder at {@link TestServers#kafka()}, with bulks flushed often. */
    static ConfigurableApplicationContext start(SpringApplication application, String elasticsearchUrl, String... extra) {
        return startOn(application, TestServers.kafka().bootstrapServers(), elasticsearchUrl, extra);
    }

    /** Starts a service on a free port against the given broker and Elasticsearch, with bulks flushed often. */
    static ConfigurableApplicationContext startOn(SpringApplication application, String bootstrapServers, String elasticsearchUrl,
            String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.cloud.stream.kafka.binder.brokers=" + bootstrapServers,
                "--spring.elasticsearch.uris=" + elasticsearchUrl,
                "--newsradar.index.bulk-flush-interval=200ms"));
        args.addAll(List.of(extra));
        return application.run(args.toArray(String[]::new));
    }

    /** A raw article of feed {@code run}, its id {@code run-suffix}, ingested now. */
    static RawArticle article(String run, String suffix, String title) {
        String id = run + "-" + suffix;
        return new RawArticle(1, id, "https://e2e.example.org/" + id, id, run, "E2E", null, title, "", "", List.of(),
                Instant.now(), Instant.now());
    }

    /** The {@code i}th of a run's titles: in Vietnamese, English and French in turn, each naming {@code i}. */
    static String title(int i) {
        return TITLES[Math.floorMod(i, TITLES.length)].formatted(i);
    }

    static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    /** Publishes the articles to {@code news.articles.raw}, each acknowledged before the next is sent. */
    static void publish(List<RawArticle> articles) throws Exception {
        try (KafkaProducer<String, String> producer = producer()) {
            for (RawArticle article : articles) {
                send(producer, Topics.ARTICLES_RAW, article.articleId(), JSON.writeValueAsString(article));
            }
        }
    }

    static void send(KafkaProducer<String, String> producer, String topic, String key, String value) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, value)).get();
    }

    /** The documents of a feed behind the alias {@link ArticleDocument#ALIAS}. */
    static long documentsOfFeed(ElasticsearchClient client, String feedId) {
        return count(client, ArticleDocument.ALIAS, q -> q.term(t -> t.field("feedId").value(feedId)));
    }

    /** The documents of {@code indices} (an alias, an index or a pattern) that match, after a refresh. */
    static long count(ElasticsearchClient client, String indices, Function<Query.Builder, ObjectBuilder<Query>> query) {
        try {
            client.indices().refresh(r -> r.index(indices));
            return client.count(c -> c.index(indices).query(query)).count();
        } catch (IOException e) {
            throw new IllegalStateException("cannot count documents of " + indices + " in Elasticsearch", e);
        }
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        await(condition, what, TIMEOUT);
    }

    static void await(BooleanSupplier condition, String what, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(250);
        }
    }
}
