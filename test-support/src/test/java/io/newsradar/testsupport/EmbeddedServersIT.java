package io.newsradar.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.contracts.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The embedded servers are real: a broker that stores and returns records, a node that indexes and searches. */
class EmbeddedServersIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void kafkaHasEveryTopicWithSixPartitionsAndTheRegistryCompacted() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka().bootstrapServers()))) {
            Map<String, TopicDescription> topics = admin.describeTopics(Topics.ALL).allTopicNames().get();
            ConfigResource feeds = new ConfigResource(ConfigResource.Type.TOPIC, Topics.FEEDS);
            Config feedsConfig = admin.describeConfigs(List.of(feeds)).all().get().get(feeds);

            assertThat(topics).containsOnlyKeys(Topics.ALL);
            assertThat(topics.values()).allSatisfy(t -> assertThat(t.partitions()).hasSize(6));
            assertThat(feedsConfig.get("cleanup.policy").value()).isEqualTo("compact");
        }
    }

    @Test
    void kafkaReturnsWhatWasProducedUnderItsKey() throws Exception {
        String bootstrap = TestServers.kafka().bootstrapServers();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.ARTICLES_DLQ, "article-1", "{\"probe\":true}")).get();
        }

        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "embedded-servers-it");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.ARTICLES_DLQ));
            ConsumerRecords<String, String> records = ConsumerRecords.empty();
            for (int i = 0; i < 20 && records.isEmpty(); i++) {
                records = consumer.poll(Duration.ofMillis(500));
            }
            assertThat(records).singleElement().satisfies(r -> {
                assertThat(r.key()).isEqualTo("article-1");
                assertThat(r.value()).isEqualTo("{\"probe\":true}");
            });
        }
    }

    @Test
    void elasticsearchIndexesAndFindsADocument() throws Exception {
        String url = TestServers.elasticsearch().url();

        HttpResponse<String> indexed = send("PUT", url + "/probe/_doc/1?refresh=true", "{\"title\":\"Bắc Giang và Gunma\"}");
        HttpResponse<String> found = send("POST", url + "/probe/_search", "{\"query\":{\"match\":{\"title\":\"gunma\"}}}");
        HttpResponse<String> health = send("GET", url + "/_cluster/health", null);

        assertThat(indexed.statusCode()).as(indexed.body()).isEqualTo(201);
        assertThat(found.body()).contains("\"total\":{\"value\":1", "Bắc Giang và Gunma");
        assertThat(health.body()).contains("\"number_of_nodes\":1");
    }

    @Test
    void elasticsearchIsTheVersionTheProjectTargets() throws Exception {
        HttpResponse<String> nodes = send("GET", TestServers.elasticsearch().url() + "/_nodes/_local/version", null);

        assertThat(nodes.body()).contains("\"version\":\"8.19.");
    }

    private HttpResponse<String> send(String method, String url, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json");
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
