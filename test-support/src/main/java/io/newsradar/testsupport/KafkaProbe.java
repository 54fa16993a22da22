package io.newsradar.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;

/** What a test asks a broker it started: does it answer, has every partition a leader; and the topics to create. */
final class KafkaProbe {

    private final String bootstrapServers;
    private final int port;

    /** @param port the port of {@code bootstrapServers} on loopback */
    KafkaProbe(String bootstrapServers, int port) {
        this.bootstrapServers = bootstrapServers;
        this.port = port;
    }

    /** Whether the port accepts connections and the broker answers an admin request. */
    boolean answers() throws InterruptedException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
        } catch (IOException e) {
            return false;
        }
        try (Admin admin = admin()) {
            return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    /** Whether every partition of these topics has a leader, so that clients find them all at once. */
    boolean haveLeaders(List<String> topics) throws InterruptedException {
        try (Admin admin = admin()) {
            Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get(5, TimeUnit.SECONDS);
            return described.values().stream().flatMap(t -> t.partitions().stream()).allMatch(p -> p.leader() != null);
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    void create(List<NewTopic> topics, long timeoutSeconds) throws InterruptedException, ExecutionException, TimeoutException {
        try (Admin admin = admin()) {
            admin.createTopics(topics).all().get(timeoutSeconds, TimeUnit.SECONDS);
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "kafka-probe-" + UUID.randomUUID().toString().substring(0, 8),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000));
    }
}
