package io.newsradar.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.contracts.Topics;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The broker process is a real broker that a test can stop and start again without losing anything. */
class KafkaProcessIT {

    @Test
    void aStoppedBrokerComesBackOnTheSamePortWithItsTopicsAndRecords() throws Exception {
        try (KafkaProcess kafka = KafkaProcess.start("process-it")) {
            String bootstrap = kafka.bootstrapServers();
            produce(bootstrap, "before-the-restart");

            kafka.stop();
            boolean listeningWhileStopped = listening(bootstrap);
            kafka.restart();
            produce(bootstrap, "after-the-restart");

            assertThat(listeningWhileStopped).as("the port answers while the broker is stopped").isFalse();
            assertThat(kafka.bootstrapServers()).isEqualTo(bootstrap);
            assertThat(kafka.isRunning()).isTrue();
            assertThat(topics(bootstrap)).containsOnlyKeys(Topics.ALL)
                    .allSatisfy((name, topic) -> assertThat(topic.partitions()).as(name).hasSize(6));
            assertThat(consumeAll(bootstrap, 2)).containsExactly("before-the-restart", "after-the-restart");
            assertThat(kafka.logFile()).content().contains("Kafka Server started");
        }
    }

    private static void produce(String bootstrap, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.ARTICLES_DLQ, "one-key", value)).get();
        }
    }

    private static List<String> consumeAll(String bootstrap, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "kafka-process-it",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.ARTICLES_DLQ));
            for (int i = 0; i < 40 && values.size() < expected; i++) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }

    private static Map<String, TopicDescription> topics(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            return admin.describeTopics(Topics.ALL).allTopicNames().get();
        }
    }

    private static boolean listening(String bootstrap) {
        String[] hostAndPort = bootstrap.split(":");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(hostAndPort[0], Integer.parseInt(hostAndPort[1])), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
