package io.newsradar.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The OpenAPI 3 description and its UI: open to anyone, describing every route, its filters and the key schemes. */
@RunningGateway
class OpenApiIT {

    private static final ParameterizedTypeReference<List<String>> STRINGS = new ParameterizedTypeReference<>() {
    };

    @Value("${local.server.port}")
    int port;

    @Test
    void describesTheArticleFacetSyndicationAndFeedRoutesWithoutAKey() {
        web().get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.openapi").value(String.class, v -> assertThat(v).startsWith("3."))
                .jsonPath("$.paths['/api/v1/articles'].get.parameters[*].name").value(STRINGS, names -> assertThat(names)
                        .contains("pair", "country", "region", "topic", "lang", "q", "from", "to", "size", "cursor", "sort", "minConfidence",
                                "story", "collapse")
                        .doesNotContain("parameters"))
                .jsonPath("$.paths['/api/v1/stories'].get.parameters[*].name").value(STRINGS, names -> assertThat(names)
                        .contains("pair", "from", "to", "story", "size").doesNotContain("cursor", "collapse"))
                .jsonPath("$.paths['/api/v1/stories/{id}'].get").exists()
                .jsonPath("$.paths['/api/v1/stream'].get.parameters[*].name").value(STRINGS, names -> assertThat(names)
                        .contains("pair").doesNotContain("story"))
                .jsonPath("$.paths['/api/v1/articles/{id}'].get.parameters[0].description").value(String.class,
                        d -> assertThat(d).contains("URL-safe base64"))
                .jsonPath("$.paths['/api/v1/facets'].get.parameters[*].name").value(STRINGS, names -> assertThat(names)
                        .contains("pair", "interval"))
                .jsonPath("$.paths['/api/v1/export'].get.parameters[*].name").value(STRINGS, names -> assertThat(names)
                        .contains("pair", "to", "after", "format").doesNotContain("size", "cursor"))
                .jsonPath("$.paths['/api/v1/export'].head").exists()
                .jsonPath("$.paths['/feeds/v1/articles.atom'].get").exists()
                .jsonPath("$.paths['/feeds/v1/articles.rss'].get").exists()
                .jsonPath("$.paths['/api/v1/feeds'].get.parameters[0].name").isEqualTo("failing")
                .jsonPath("$.paths['/api/v1/feeds'].post.requestBody.content['application/json']").exists()
                .jsonPath("$.paths['/api/v1/feeds/{id}'].put").exists()
                .jsonPath("$.paths['/api/v1/feeds/{id}'].delete").exists()
                .jsonPath("$.paths['/api/v1/feeds/opml'].post.requestBody.content['text/x-opml']").exists()
                .jsonPath("$.components.schemas.FeedSpec.properties.pollInterval.type").isEqualTo("string")
                .jsonPath("$.paths['/actuator/health']").doesNotExist();
    }

    @Test
    void describesTheApiKeyInTheHeaderAsABearerTokenAndAsAParameter() {
        web().get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.components.securitySchemes.apiKey.type").isEqualTo("apiKey")
                .jsonPath("$.components.securitySchemes.apiKey.in").isEqualTo("header")
                .jsonPath("$.components.securitySchemes.apiKey.name").isEqualTo("X-Api-Key")
                .jsonPath("$.components.securitySchemes.bearer.type").isEqualTo("http")
                .jsonPath("$.components.securitySchemes.bearer.scheme").isEqualTo("bearer")
                .jsonPath("$.components.securitySchemes.apiKeyParameter.in").isEqualTo("query")
                .jsonPath("$.components.securitySchemes.apiKeyParameter.name").isEqualTo("api_key")
                .jsonPath("$.security.length()").isEqualTo(3);
    }

    @Test
    void servesTheBrowsableUiWithoutAKey() {
        web().get().uri("/swagger-ui.html").exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().value("Location", location -> assertThat(location).contains("swagger-ui/index.html"));
        web().get().uri("/webjars/swagger-ui/index.html").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(html -> assertThat(html).contains("Swagger UI"));
    }

    /** The first request builds the whole description, which takes seconds on a busy machine. */
    private WebTestClient web() {
        return GatewayClients.anonymous(port);
    }
}
