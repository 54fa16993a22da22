package io.newsradar.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The container path, where a Docker engine exists; skipped cleanly where none does. */
@Testcontainers(disabledWithoutDocker = true)
class ContainerServersIT {

    @Test
    void containerKafkaAndElasticsearchAnswer() throws Exception {
        KafkaServer kafka = ContainerServers.kafka();
        ElasticsearchServer elasticsearch = ContainerServers.elasticsearch();

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            assertThat(admin.describeCluster().nodes().get()).hasSize(1);
        }
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(elasticsearch.url() + "/_cluster/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.body()).contains("\"number_of_nodes\":1");
    }
}
