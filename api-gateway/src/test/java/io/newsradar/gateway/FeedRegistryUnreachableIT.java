package io.newsradar.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.testsupport.TestServers;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Kafka away: the gateway stays ready and keeps answering queries; only the feed-registry routes answer 503. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=api-gateway", "newsradar.gateway.kafka.timeout=1s"})
class FeedRegistryUnreachableIT {

    private static final String UNAVAILABLE = "the feed registry (Kafka) is not reachable: ";

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        TestServers.registerElasticsearch(registry);
        TestKeys.register(registry);
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String nowhere = "127.0.0.1:" + closed;
        registry.add("newsradar.gateway.kafka.bootstrap-servers", () -> nowhere);
    }

    @BeforeAll
    static void installTheIndex() throws Exception {
        IndexedArticles.index(List.of());
    }

    @Test
    void staysReadyAndAnswersQueriesWhileTheFeedRoutesAnswer503() {
        // Given a gateway whose Kafka does not answer
        web().get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        web().get().uri("/api/v1/articles").header("X-Api-Key", TestKeys.READER).exchange().expectStatus().isOk();
        // When the feed registry is read or changed, then the answer is a 503 problem, after the timeout
        web().get().uri("/api/v1/feeds").header("X-Api-Key", TestKeys.READER).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(String.class, d -> assertThat(d).startsWith(UNAVAILABLE));
        web().post().uri("/api/v1/feeds").header("X-Api-Key", TestKeys.ADMIN).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"feedId\": \"offline\", \"url\": \"https://example.vn/rss\"}").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.title").isEqualTo("Feed registry unavailable");
        // But a bad feed is still a 400: it is refused before Kafka is asked
        web().post().uri("/api/v1/feeds").header("X-Api-Key", TestKeys.ADMIN).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"feedId\": \"offline\", \"url\": \"ftp://example.vn/rss\"}").exchange()
                .expectStatus().isBadRequest();
    }

    private WebTestClient web() {
        return GatewayClients.anonymous(port);
    }
}
