package io.newsradar.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.newsradar.contracts.ArticleId;
import io.newsradar.contracts.ClassifiedArticle;
import io.newsradar.contracts.CountryTag;
import io.newsradar.contracts.PairTag;
import io.newsradar.contracts.RawArticle;
import io.newsradar.contracts.TopicTag;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Hostile query parameters, indexed text and admin bodies against a real Elasticsearch node: each is a result or a
 * 400 problem naming what is wrong, never a 500 or a 503.
 */
@RunningGateway
class HostileInputIT {

    private static final String FEED = "h" + Long.toString(System.nanoTime(), 36);
    private static final Instant NOW = Instant.parse("2026-11-20T09:00:00Z");

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("newsradar.gateway.cursor-key", () -> "the cursor key these tests share, long enough");
    }

    @BeforeAll
    static void seed() throws Exception {
        IndexedArticles.index(List.of(
                article(0, "Tin \u0001 có ký tự điều khiển \uFFFF", NOW),
                article(1, "Dated the first year", Instant.parse("0001-01-01T00:00:00Z")),
                article(2, "Dated the last year", Instant.parse("9999-12-31T00:00:00Z")),
                article(3, "An ordinary story", NOW.minusSeconds(3600)),
                article(4, "Another ordinary story", NOW.minusSeconds(7200))));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"atom", "rss"})
    void servesFeedsThatParseWhateverTheTitlesAndTheQueryHold(String kind) throws Exception {
        for (String query : List.of("feed=" + FEED, "feed=" + FEED + "&q=%01", "feed=" + FEED + "&q=%EF%BF%BF")) {
            byte[] body = web().get().uri(URI.create(base() + "/feeds/v1/articles." + kind + "?" + query)).exchange()
                    .expectStatus().isOk().expectBody().returnResult().getResponseBody();

            SyndFeed feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(body)));
            assertThat(feed.getTitle()).doesNotContain("\u0001", "\uFFFF");
        }
        byte[] body = web().get().uri(URI.create(base() + "/feeds/v1/articles." + kind + "?feed=" + FEED)).exchange()
                .expectBody().returnResult().getResponseBody();
        assertThat(new String(body, StandardCharsets.UTF_8)).contains("Tin \uFFFD có ký tự điều khiển \uFFFD");
    }

    @Test
    void answersAQueryWithBracketsWhenTheKeyIsAParameter() {
        for (String path : List.of("/api/v1/articles", "/feeds/v1/articles.atom", "/api/v1/facets")) {
            GatewayClients.anonymous(port).get()
                    .uri(URI.create(base() + path + "?feed=" + FEED + "&q=[x]&api_key=" + TestKeys.READER)).exchange()
                    .expectStatus().isOk();
        }
    }

    @Test
    void boundsTheUnfilteredHistogramWhateverTheDatesIndexed() {
        web().get().uri("/api/v1/facets").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.interval").isEqualTo("year")
                .jsonPath("$.publishedCut").isEqualTo(true)
                .jsonPath("$.published.length()").value(Integer.class, n -> assertThat(n).isBetween(2, 1000));
        web().get().uri("/api/v1/facets?feed=" + FEED + "&from=2026-11-19&to=2026-11-21&interval=hour").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.interval").isEqualTo("hour")
                .jsonPath("$.total").isEqualTo(3)
                .jsonPath("$.published.length()").isEqualTo(48)
                .jsonPath("$.published[0].start").isEqualTo("2026-11-19T00:00:00Z");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"from=%2B10000-01-01T00:00:00Z", "to=%2B999999999-01-01T00:00:00Z", "from=1000000000",
            "to=-1000000000", "from=0000-01-01T00:00:00Z"})
    void refusesADateOutOfRangeNamingTheParameter(String parameter) {
        String name = parameter.substring(0, parameter.indexOf('='));
        for (String path : List.of("/api/v1/articles", "/api/v1/facets", "/feeds/v1/articles.rss")) {
            web().get().uri(URI.create(base() + path + "?" + parameter)).exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.parameter").isEqualTo(name);
        }
    }

    @Test
    void refusesTamperedAndOverLongCursorsNamingTheCursor() {
        Map<?, ?> first = web().get().uri("/api/v1/articles?feed=" + FEED + "&size=2").exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        String next = (String) first.get("next");
        String flipped = next.substring(0, 5) + (next.charAt(5) == 'A' ? 'B' : 'A') + next.substring(6);
        for (String cursor : List.of(flipped, next.substring(0, next.length() - 1), "x".repeat(5000), "A".repeat(60_000),
                "eyJwIjoiIiwiYSI6W251bGwsbnVsbF0sImYiOiIifQ." + "A".repeat(43))) {
            web().get().uri(URI.create(base() + "/api/v1/articles?feed=" + FEED + "&size=2&cursor=" + cursor)).exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.parameter").isEqualTo("cursor");
        }
        web().get().uri(URI.create(base() + "/api/v1/articles?feed=" + FEED + "&size=2&cursor=" + next)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(2);
    }

    @Test
    void refusesHostileFeedBodiesNamingTheField() {
        String deep = "[".repeat(2000) + "]".repeat(2000);
        Map<String, String> bodies = Map.of(
                "{\"feedId\": " + deep + ", \"url\": \"https://e.example/r\"}", "feedId",
                "{\"feedId\": {\"a\": 1}, \"url\": \"https://e.example/r\"}", "feedId",
                "{\"feedId\": \"x\", \"url\": [\"https://e.example/r\"]}", "url",
                "{\"feedId\": \"x\", \"url\": \"https://e.example/r\", \"enabled\": 1}", "enabled");
        bodies.forEach((body, field) -> admin().post().uri("/api/v1/feeds").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo(field));
        admin().put().uri("/api/v1/feeds/x").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"feedId\": [\"x\"], \"url\": \"https://e.example/r\"}").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("feedId");
        admin().post().uri("/api/v1/feeds").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\": \"" + "x".repeat(70_000) + "\"}").exchange()
                .expectStatus().isEqualTo(413);
    }

    @Test
    void refusesDeeplyNestedOpmlSayingTheBound() {
        String deep = "<opml version=\"2.0\"><body>" + "<outline text=\"f\">".repeat(24_000) + "</outline>".repeat(24_000)
                + "</body></opml>";
        admin().post().uri("/api/v1/feeds/opml").contentType(MediaType.parseMediaType("text/x-opml"))
                .bodyValue(deep.getBytes(StandardCharsets.UTF_8)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(String.class, d -> assertThat(d)
                        .startsWith("the OPML document nests elements deeper than 64 levels"));
    }

    private String base() {
        return GatewayClients.base(port);
    }

    private WebTestClient web() {
        return GatewayClients.reader(port);
    }

    private WebTestClient admin() {
        return GatewayClients.admin(port);
    }

    private static ClassifiedArticle article(int i, String title, Instant published) {
        String url = "https://example.org/" + FEED + "/" + i;
        RawArticle raw = new RawArticle(1, ArticleId.ofUrl(url), url, null, FEED, "Báo Thử", "vi", title, "", "", List.of(),
                published, NOW);
        return new ClassifiedArticle(1, raw, "test", NOW, "vi", PairTag.of("JP", "VN", 0.8),
                List.of(new CountryTag("VN", 0.8, List.of())), List.of(), List.of(new TopicTag("labour", 0.6, List.of())));
    }
}
