package io.newsradar.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.contracts.ArticleId;
import io.newsradar.contracts.ClassifiedArticle;
import io.newsradar.contracts.CountryTag;
import io.newsradar.contracts.Evidence;
import io.newsradar.contracts.PairTag;
import io.newsradar.contracts.RawArticle;
import io.newsradar.contracts.TopicTag;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The article API against a real Elasticsearch node holding articles indexed with the production template. */
@RunningGateway
class GatewayIT {

    private static final String RUN = Long.toString(System.nanoTime(), 36);
    private static final String JP_VN = ArticleId.ofUrl("https://example.vn/" + RUN + "/jp-vn");
    private static final String JP_ONLY = ArticleId.ofUrl("https://example.com/" + RUN + "/jp");
    private static final String FR_VN = ArticleId.ofUrl("https://example.fr/" + RUN + "/fr-vn");

    @Value("${local.server.port}")
    int port;

    @BeforeAll
    static void seed() throws Exception {
        IndexedArticles.index(List.of(
                article(JP_VN, "Tỉnh Bắc Giang đón doanh nghiệp Nhật Bản", "vi", PairTag.of("JP", "VN", 0.8), "JP", "VN"),
                article(JP_ONLY, "Japan's parliament passes its budget", "en", null, "JP"),
                article(FR_VN, "La France et le Vietnam renforcent leurs échanges", "fr", PairTag.of("FR", "VN", 0.7), "FR", "VN")));
    }

    @Test
    void filtersByCountry() {
        web().get().uri("/api/v1/articles?country=jp&size=100").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[?(@.id == '%s')]".formatted(JP_VN)).exists()
                .jsonPath("$.items[?(@.id == '%s')]".formatted(JP_ONLY)).exists()
                .jsonPath("$.items[?(@.id == '%s')]".formatted(FR_VN)).doesNotExist();
    }

    @Test
    void filtersByPairInEitherOrderAndShowsTheEvidence() {
        web().get().uri("/api/v1/articles?pair=VN-JP&size=100").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[?(@.id == '%s')].pair".formatted(JP_VN)).isEqualTo("JP-VN")
                .jsonPath("$.items[?(@.id == '%s')].tags.countries[0].evidence[0].phrase".formatted(JP_VN)).isEqualTo("Nhật Bản")
                .jsonPath("$.items[?(@.id == '%s')]".formatted(JP_ONLY)).doesNotExist();
    }

    @Test
    void findsVietnameseTextTypedWithoutDiacritics() {
        web().get().uri("/api/v1/articles?q=bac giang&country=VN&size=100").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[?(@.id == '%s')].title".formatted(JP_VN)).isEqualTo("Tỉnh Bắc Giang đón doanh nghiệp Nhật Bản")
                .jsonPath("$.items[?(@.id == '%s')]".formatted(FR_VN)).doesNotExist();
    }

    @Test
    void returnsOneArticleByIdAnd404ForAnUnknownOne() {
        web().get().uri("/api/v1/articles/" + FR_VN).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.language").isEqualTo("fr");
        web().get().uri("/api/v1/articles/" + ArticleId.ofUrl("https://example.com/none")).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void rejectsABadParameterWithAProblemNamingIt() {
        web().get().uri("/api/v1/articles?country=JPN").exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.parameter").isEqualTo("country")
                .jsonPath("$.value").isEqualTo("JPN")
                .jsonPath("$.detail").isEqualTo("country 'JPN' is not an ISO 3166-1 alpha-2 country code, such as JP or VN;"
                        + " every valid value: GET /api/v1/codes");
    }

    @Test
    void reportsReadyOnlyWithElasticsearchAndExposesMetrics() {
        web().get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        web().get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
    }

    private WebTestClient web() {
        return GatewayClients.reader(port);
    }

    private static ClassifiedArticle article(String id, String title, String lang, PairTag pair, String... countries) {
        RawArticle raw = new RawArticle(1, id, null, null, "it-" + lang, "IT", lang, title, "", "", List.of(),
                Instant.parse("2026-11-20T09:00:00Z"), Instant.parse("2026-11-20T09:01:00Z"));
        List<CountryTag> tags = Arrays.stream(countries).map(code -> new CountryTag(code, 0.8,
                code.equals("JP") && lang.equals("vi") ? List.of(new Evidence("Nhật Bản", Evidence.Field.TITLE, 32)) : List.of())).toList();
        return new ClassifiedArticle(1, raw, "test", Instant.parse("2026-11-20T09:01:01Z"), lang, pair, tags, List.of(),
                List.of(new TopicTag("culture", 0.6, List.of())));
    }
}
