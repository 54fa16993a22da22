package io.newsradar.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Who may call the API, and how often: keys, roles and the per-key rate limit, on a real server. */
@RunningGateway
@TestPropertySource(properties = {"newsradar.gateway.rate-limit.requests-per-second=0.1", "newsradar.gateway.rate-limit.burst=3"})
class ApiKeysIT {

    @Value("${local.server.port}")
    int port;

    @BeforeAll
    static void installTheIndex() throws Exception {
        IndexedArticles.index(List.of());
    }

    @Test
    void refusesARequestWithoutAKeyOrWithAnUnknownOne() {
        web().get().uri("/api/v1/articles").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"newsradar\"")
                .expectBody().jsonPath("$.detail").isEqualTo("send your API key in the X-Api-Key header, as Authorization: Bearer, or as api_key=");
        web().get().uri("/feeds/v1/articles.atom").header("X-Api-Key", "guessed").exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.detail").isEqualTo("this API key is not known");
    }

    @Test
    void takesTheKeyFromTheHeaderTheBearerTokenOrTheQueryAndLeavesHealthOpen() {
        web().get().uri("/api/v1/facets").header(HttpHeaders.AUTHORIZATION, "Bearer " + TestKeys.ADMIN).exchange().expectStatus().isOk();
        web().get().uri("/feeds/v1/articles.rss?api_key=" + TestKeys.ADMIN + "&lang=vi").exchange().expectStatus().isOk();
        web().get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    }

    @Test
    void aReaderKeyCannotChangeTheFeedRegistry() {
        web().post().uri("/api/v1/feeds").header("X-Api-Key", TestKeys.READER).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail").isEqualTo("POST /api/v1/feeds needs an admin key; 'test-reader' is a reader key");
    }

    @Test
    void aKeyOverItsRateLimitIsToldWhenToComeBack() {
        for (int i = 0; i < 3; i++) {
            web().get().uri("/api/v1/articles/" + "A".repeat(22)).header("X-Api-Key", TestKeys.READER).exchange().expectStatus().isNotFound();
        }
        // One token every 10 s: whatever the three requests took, the fourth waits for most of one.
        web().get().uri("/api/v1/articles").header("X-Api-Key", TestKeys.READER).exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, v -> assertThat(Integer.parseInt(v)).isBetween(1, 10))
                .expectBody().jsonPath("$.detail").value(String.class, d -> assertThat(d).matches(
                        "the key 'test-reader' is over its rate limit; retry after (10|[1-9]) s"));
        web().get().uri("/api/v1/articles").header("X-Api-Key", TestKeys.ADMIN).exchange().expectStatus().isOk();
    }

    private WebTestClient web() {
        return GatewayClients.anonymous(port);
    }
}
