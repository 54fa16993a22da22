package io.newsradar.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.contracts.ArticleId;
import io.newsradar.contracts.ClassifiedArticle;
import io.newsradar.contracts.CountryTag;
import io.newsradar.contracts.PairTag;
import io.newsradar.contracts.RawArticle;
import io.newsradar.contracts.RegionTag;
import io.newsradar.contracts.TopicTag;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Codes the classifier does not tag with, on every route that takes the article filters, against a real Elasticsearch
 * node: a 400 problem naming the parameter and the value and pointing at {@code GET /api/v1/codes}, which lists the
 * valid ones. The gateway is given a newsroom's data directory through {@code newsradar.data-dir}, the setting
 * classify-service reads too, and accepts the newsroom's own topic.
 */
@RunningGateway
class UnknownCodesIT {

    private static final String FEED = "c" + Long.toString(System.nanoTime(), 36);
    private static final Instant NOW = Instant.parse("2026-11-20T09:00:00Z");
    private static final ParameterizedTypeReference<List<String>> COUNTRIES = new ParameterizedTypeReference<>() {
    };
    private static final List<String> FILTERED_ROUTES = List.of("/api/v1/articles", "/api/v1/facets",
            "/feeds/v1/articles.atom", "/feeds/v1/articles.rss", "/api/v1/stream");

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws URISyntaxException {
        Path newsroom = Path.of(UnknownCodesIT.class.getResource("/newsroom-data").toURI());
        registry.add("newsradar.data-dir", newsroom::toString);
    }

    @BeforeAll
    static void seed() throws Exception {
        String url = "https://example.org/" + FEED + "/bac-giang";
        RawArticle raw = new RawArticle(1, ArticleId.ofUrl(url), url, null, FEED, "Báo Thử", "vi",
                "Bắc Giang đón đoàn doanh nghiệp Nhật Bản", "", "", List.of(), NOW, NOW);
        IndexedArticles.index(List.of(new ClassifiedArticle(1, raw, "test", NOW, "vi", PairTag.of("JP", "VN", 0.8),
                List.of(new CountryTag("VN", 0.8, List.of()), new CountryTag("JP", 0.7, List.of())),
                List.of(new RegionTag("VN-54", "VN", "Bắc Giang", "VN-56", 0.7, List.of())), List.of(new TopicTag("shipping", 0.6, List.of())))));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"pair, XX-YY", "country, ZZ", "region, VN-999", "topic, nonsense", "country, J%D0%A0", "topic, labor"})
    void everyRouteThatFiltersRefusesAnUnknownCodeNamingTheParameterAndTheValue(String parameter, String value) {
        String decoded = URLDecoder.decode(value, StandardCharsets.UTF_8);
        for (String route : FILTERED_ROUTES) {
            web().get().uri(URI.create(base() + route + "?feed=" + FEED + "&" + parameter + "=" + value))
                    .accept(route.endsWith("stream") ? MediaType.TEXT_EVENT_STREAM : MediaType.ALL).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.parameter").isEqualTo(parameter)
                    .jsonPath("$.value").isEqualTo(decoded)
                    .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).as(route)
                            .contains("'" + decoded + "'").endsWith("GET /api/v1/codes"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"region=VN-54", "region=vn-56", "pair=VN-JP", "country=jp", "topic=shipping"})
    void aMergedRegionAPairInEitherOrderAndTheNewsroomsOwnTopicFindTheArticle(String filter) {
        web().get().uri(URI.create(base() + "/api/v1/articles?feed=" + FEED + "&" + filter)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(1);
    }

    @Test
    void theCodesListTheCountriesRegionsWithTheirSuccessorsAndTheNewsroomsTopics() {
        // The whole list is some 3,000 regions: more than a client's default 256 KB buffer
        web().mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(8 * 1024 * 1024)).build()
                .get().uri("/api/v1/codes").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.countries[?(@.code == 'VN')].name").isEqualTo("Vietnam")
                .jsonPath("$.regions[?(@.code == 'VN-54')].current").isEqualTo("VN-56")
                .jsonPath("$.regions[?(@.code == 'DE-BY')].name").isEqualTo("Bavaria")
                .jsonPath("$.topics[*].name").isEqualTo(List.of("investment", "aid", "culture", "labour", "shipping"));
        // And ?country= lists that country's regions only, any case
        web().get().uri("/api/v1/codes?country=vn").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.regions[?(@.code == 'VN-54')].current").isEqualTo("VN-56")
                .jsonPath("$.regions[*].country").value(COUNTRIES, countries -> assertThat(countries).containsOnly("VN"))
                .jsonPath("$.countries[?(@.code == 'JP')].name").isEqualTo("Japan");
        web().get().uri("/api/v1/codes?country=XX").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.parameter").isEqualTo("country").jsonPath("$.value").isEqualTo("XX");
        GatewayClients.anonymous(port).get().uri("/api/v1/codes").exchange()
                .expectStatus().isUnauthorized();
    }

    private String base() {
        return GatewayClients.base(port);
    }

    private WebTestClient web() {
        return GatewayClients.reader(port);
    }
}
