package io.newsradar.testsupport;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real Kafka and Elasticsearch that tests run against, started once per test JVM on first use and shared by
 * every test class in it.
 *
 * <p>By default both are embedded: a KRaft broker in this JVM and an Elasticsearch node as a child process. With
 * {@code -Dnewsradar.test.servers=containers} (or {@code NEWSRADAR_TEST_SERVERS=containers}) they are Testcontainers
 * instead; without a Docker engine that request falls back, loudly, to the embedded servers, so tests never skip
 * for want of Docker.
 */
public final class TestServers {

    public static final String MODE_PROPERTY = "newsradar.test.servers";
    private static final Logger log = LoggerFactory.getLogger(TestServers.class);

    private static KafkaServer kafka;
    private static ElasticsearchServer elasticsearch;

    private TestServers() {
    }

    public static synchronized KafkaServer kafka() {
        if (kafka == null) {
            kafka = useContainers() ? ContainerServers.kafka() : EmbeddedKafka.start();
        }
        return kafka;
    }

    public static synchronized ElasticsearchServer elasticsearch() {
        if (elasticsearch == null) {
            elasticsearch = useContainers() ? ContainerServers.elasticsearch() : ElasticsearchNode.start("shared");
        }
        return elasticsearch;
    }

    /** Points a Spring Boot service's Kafka binder and clients at {@link #kafka()}. */
    public static void registerKafka(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.stream.kafka.binder.brokers", () -> kafka().bootstrapServers());
        registry.add("spring.kafka.bootstrap-servers", () -> kafka().bootstrapServers());
    }

    /** Points a Spring Boot service's Elasticsearch client at {@link #elasticsearch()}. */
    public static void registerElasticsearch(DynamicPropertyRegistry registry) {
        registry.add("spring.elasticsearch.uris", () -> elasticsearch().url());
    }

    private static boolean useContainers() {
        String mode = System.getProperty(MODE_PROPERTY, System.getenv().getOrDefault("NEWSRADAR_TEST_SERVERS", "embedded"));
        if (!mode.toLowerCase(Locale.ROOT).equals("containers")) {
            return false;
        }
        if (ContainerServers.dockerAvailable()) {
            return true;
        }
        log.warn("{}=containers was asked for, but no Docker engine answers: using the embedded Kafka and Elasticsearch",
                MODE_PROPERTY);
        return false;
    }
}
