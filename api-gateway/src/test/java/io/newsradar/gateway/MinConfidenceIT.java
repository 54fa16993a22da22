package io.newsradar.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.contracts.ClassifiedArticle;
import io.newsradar.gateway.search.MinConfidenceCases;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code minConfidence} against a real Elasticsearch node: the table of cases the live stream's filter is tested on
 * ({@link MinConfidenceCases}) answered by {@code /api/v1/articles}, the facets counting only the tags at or above the
 * value, the feeds' links keeping it, and a bad value refused on every route that takes the filters.
 */
@RunningGateway
class MinConfidenceIT {

    private static final String FEED = "m" + Long.toString(System.nanoTime(), 36);
    private static final Map<String, ClassifiedArticle> ARTICLES = MinConfidenceCases.articles(FEED);
    private static final Map<String, String> NAMES = ARTICLES.entrySet().stream()
            .collect(Collectors.toMap(e -> e.getValue().articleId(), Map.Entry::getKey));
    private static final List<String> FILTERED_ROUTES = List.of("/api/v1/articles", "/api/v1/facets",
            "/api/v1/export?to=2026-12-01", "/feeds/v1/articles.atom", "/feeds/v1/articles.rss", "/api/v1/stream");

    private static final ParameterizedTypeReference<List<String>> STRINGS = new ParameterizedTypeReference<>() {
    };

    @Value("${local.server.port}")
    int port;

    @BeforeAll
    static void seed() throws Exception {
        IndexedArticles.index(List.copyOf(ARTICLES.values()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.newsradar.gateway.search.MinConfidenceCases#cases")
    void theIndexMatchesTheTableOfCases(MinConfidenceCases.Case given) {
        Set<String> matched = new HashSet<>();
        web().get().uri(URI.create(base() + "/api/v1/articles?feed=" + FEED + "&" + given.query())).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items[*].id").value(STRINGS, ids -> ids.forEach(id -> matched.add(NAMES.get(id))));

        assertThat(matched).isEqualTo(given.matches());
    }

    @Test
    void theFacetsCountOnlyTheTagsAtOrAboveTheValue() {
        web().get().uri(URI.create(base() + "/api/v1/facets?feed=" + FEED + "&minConfidence=0.5")).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(2)
                .jsonPath("$.counts.countries[?(@.value == 'JP')].count").isEqualTo(List.of(1))
                .jsonPath("$.counts.countries[?(@.value == 'VN')].count").isEqualTo(List.of(1))
                .jsonPath("$.counts.countries.length()").isEqualTo(3)
                .jsonPath("$.counts.pair[*].value").isEqualTo(List.of("JP-VN"))
                .jsonPath("$.counts.regions.length()").isEqualTo(0)
                .jsonPath("$.counts.topics[*].value").isEqualTo(List.of("investment", "labour"));
        web().get().uri(URI.create(base() + "/api/v1/facets?feed=" + FEED)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.counts.countries[?(@.value == 'VN')].count").isEqualTo(List.of(2))
                .jsonPath("$.counts.topics.length()").isEqualTo(3);
    }

    @Test
    void theNextPageAndTheFeedsLinksKeepTheValue() {
        web().get().uri(URI.create(base() + "/api/v1/articles?feed=" + FEED + "&country=VN&size=1")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.next").value(String.class, next ->
                        web().get().uri(URI.create(base() + "/api/v1/articles?feed=" + FEED + "&country=VN&size=1&minConfidence=0.5&cursor=" + next))
                                .exchange().expectStatus().isBadRequest()
                                .expectBody().jsonPath("$.parameter").isEqualTo("cursor"));
        String atom = web().get().uri(URI.create(base() + "/feeds/v1/articles.atom?feed=" + FEED + "&minConfidence=0.5&size=1"))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(atom).contains("rel=\"next\"").contains("minConfidence=0.5&amp;size=1&amp;cursor=");
    }

    @ParameterizedTest(name = "minConfidence={0}")
    @CsvSource({"NaN", "-0.5", "1.5", "half", "1e0"})
    void everyRouteThatFiltersRefusesABadValueNamingTheParameter(String value) {
        for (String route : FILTERED_ROUTES) {
            web().get().uri(URI.create(base() + route + (route.contains("?") ? "&" : "?") + "feed=" + FEED + "&minConfidence=" + value))
                    .accept(route.endsWith("stream") ? MediaType.TEXT_EVENT_STREAM : MediaType.ALL).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.parameter").isEqualTo("minConfidence");
        }
        web().get().uri(URI.create(base() + "/api/v1/articles?minConfidence=0.5&minConfidence=0.6")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.parameter").isEqualTo("minConfidence");
    }

    private String base() {
        return GatewayClients.base(port);
    }

    private WebTestClient web() {
        return GatewayClients.reader(port);
    }
}
