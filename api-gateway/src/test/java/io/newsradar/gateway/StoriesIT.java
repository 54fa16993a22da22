package io.newsradar.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.contracts.ArticleId;
import io.newsradar.contracts.ClassifiedArticle;
import io.newsradar.contracts.CountryTag;
import io.newsradar.contracts.PairTag;
import io.newsradar.contracts.RawArticle;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Stories against a real Elasticsearch node: the {@code story} filter on every route that takes the filters,
 * {@code collapse=story}, {@code GET /api/v1/stories} and {@code GET /api/v1/stories/{id}}, and the 400s. Beside the
 * articles the index holds what index-service also writes: a document holding only a story (its article not indexed
 * yet) and a merge marker; neither is ever shown or counted.
 */
@RunningGateway
class StoriesIT {

    private static final String FEED = "s" + Long.toString(System.nanoTime(), 36);
    private static final String A1 = id("harbour-deal-vi");
    private static final String A2 = id("harbour-deal-ja");
    private static final String A3 = id("harbour-deal-en");
    private static final String B1 = id("nurses-first");
    private static final String B2 = id("nurses-second");
    private static final String LONE = id("no-story");
    private static final String UNKNOWN = id("never-indexed");

    @Value("${local.server.port}")
    int port;

    @BeforeAll
    static void seed() throws Exception {
        IndexedArticles.index(List.of(
                article(A1, "Hải Phòng ký thỏa thuận cảng với Nhật Bản", "Báo Cảng", "vi", "2026-11-20T09:00:00Z"),
                article(A2, "Haiphong port agreement, as a Japanese outlet reports it", "NHK Test", "ja", "2026-11-20T10:00:00Z"),
                article(A3, "Haiphong and Japan sign the harbour agreement", "Wire Test", "en", "2026-11-20T11:00:00Z"),
                article(B1, "Điều dưỡng Việt Nam sang Nhật Bản đợt đầu", "Báo Cảng", "vi", "2026-11-20T08:00:00Z"),
                article(B2, "Đợt điều dưỡng thứ hai lên đường", "Báo Cảng", "vi", "2026-11-20T12:00:00Z"),
                article(LONE, "A report in no story", "Wire Test", "en", "2026-11-20T13:00:00Z")));
        Map<String, Map<String, Object>> stories = new LinkedHashMap<>();
        stories.put(A1, story(A1, 1.0, null));
        stories.put(A2, story(A1, 0.81, A1));
        stories.put(A3, story(A1, 0.74, A2));
        stories.put(B1, story(B1, 1.0, null));
        stories.put(B2, story(B1, 0.66, B1));
        // Written by index-service too: a story whose article is not indexed yet, and where a merged story went.
        stories.put(id("not-indexed-yet"), story(A1, 0.9, A1));
        stories.put("merged:" + id("merged-away"), Map.of("story", A1));
        IndexedArticles.stories(stories);
    }

    @Test
    void theStoryFilterChoosesTheStorysArticlesOnEveryRoute() {
        assertThat(ids("/api/v1/articles?feed=" + FEED + "&story=" + A1)).containsExactly(A3, A2, A1);
        web().get().uri(URI.create(base() + "/api/v1/articles?feed=" + FEED + "&story=" + B1)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(2)
                .jsonPath("$.items[0].story.id").isEqualTo(B1)
                .jsonPath("$.items[0].story.score").isEqualTo(0.66)
                .jsonPath("$.items[0].story.matchedArticleId").isEqualTo(B1)
                .jsonPath("$.items[0].story.sharedNames[0]").isEqualTo("hai phong");
        web().get().uri(URI.create(base() + "/api/v1/facets?feed=" + FEED + "&story=" + A1)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(3);
        String atom = body("/feeds/v1/articles.atom?feed=" + FEED + "&story=" + B1);
        assertThat(atom).contains("Đợt điều dưỡng thứ hai lên đường").doesNotContain("Haiphong");
        String rss = body("/feeds/v1/articles.rss?feed=" + FEED + "&story=" + B1);
        assertThat(rss).contains("Điều dưỡng Việt Nam sang Nhật Bản đợt đầu").doesNotContain("Haiphong");
        String export = web().get().uri(URI.create(base() + "/api/v1/export?feed=" + FEED + "&to=2026-12-01&story=" + A1))
                .accept(MediaType.parseMediaType("application/x-ndjson")).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(export).contains(A1, A2, A3).doesNotContain(B1).doesNotContain(LONE);
    }

    @Test
    void anArticleShowsItsStoryAndAStoryOnlyDocumentIsNoArticle() {
        web().get().uri(URI.create(base() + "/api/v1/articles/" + A2)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.story.id").isEqualTo(A1).jsonPath("$.story.score").isEqualTo(0.81);
        web().get().uri(URI.create(base() + "/api/v1/articles/" + LONE)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.story").doesNotExist();
        web().get().uri(URI.create(base() + "/api/v1/articles/" + id("not-indexed-yet"))).exchange().expectStatus().isNotFound();
    }

    @Test
    void collapseShowsTheNewestArticleOfEachStoryWithTheStorysSize() {
        web().get().uri(URI.create(base() + "/api/v1/articles?feed=" + FEED + "&collapse=story")).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(2)
                .jsonPath("$.next").doesNotExist()
                .jsonPath("$.items.length()").isEqualTo(2)
                .jsonPath("$.items[0].id").isEqualTo(B2)
                .jsonPath("$.items[0].story.articles").isEqualTo(2)
                .jsonPath("$.items[0].story.sources").isEqualTo(List.of("Báo Cảng"))
                .jsonPath("$.items[0].story.languages").isEqualTo(List.of("vi"))
                .jsonPath("$.items[1].id").isEqualTo(A3)
                .jsonPath("$.items[1].story.articles").isEqualTo(3)
                .jsonPath("$.items[1].story.sources").isEqualTo(List.of("Báo Cảng", "NHK Test", "Wire Test"))
                .jsonPath("$.items[1].story.languages").isEqualTo(List.of("en", "ja", "vi"));
        assertThat(ids("/api/v1/articles?feed=" + FEED + "&collapse=story&lang=ja")).containsExactly(A2);
    }

    @Test
    void theStoriesOfAPeriodComeLargestFirstWithTheirSourcesTimesAndNewestHeadline() {
        web().get().uri(URI.create(base() + "/api/v1/stories?feed=" + FEED)).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(2)
                .jsonPath("$.items[0].id").isEqualTo(A1)
                .jsonPath("$.items[0].articles").isEqualTo(3)
                .jsonPath("$.items[0].sources.length()").isEqualTo(3)
                .jsonPath("$.items[0].languages").isEqualTo(List.of("en", "ja", "vi"))
                .jsonPath("$.items[0].firstPublishedAt").isEqualTo("2026-11-20T09:00:00Z")
                .jsonPath("$.items[0].lastPublishedAt").isEqualTo("2026-11-20T11:00:00Z")
                .jsonPath("$.items[0].newest.articleId").isEqualTo(A3)
                .jsonPath("$.items[0].newest.title").isEqualTo("Haiphong and Japan sign the harbour agreement")
                .jsonPath("$.items[1].id").isEqualTo(B1)
                .jsonPath("$.items[1].articles").isEqualTo(2);
        web().get().uri(URI.create(base() + "/api/v1/stories?feed=" + FEED + "&lang=vi")).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[0].id").isEqualTo(B1)
                .jsonPath("$.items[0].articles").isEqualTo(2)
                .jsonPath("$.items[1].id").isEqualTo(A1)
                .jsonPath("$.items[1].articles").isEqualTo(1);
        web().get().uri(URI.create(base() + "/api/v1/stories?feed=" + FEED + "&from=2026-11-20T10:30:00Z&size=1")).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].articles").isEqualTo(1)
                .jsonPath("$.total").isEqualTo(2);
    }

    @Test
    void oneStoryListsItsArticlesEarliestFirstAndAnUnknownOneIsA404() {
        web().get().uri(URI.create(base() + "/api/v1/stories/" + A1)).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.story.id").isEqualTo(A1)
                .jsonPath("$.story.articles").isEqualTo(3)
                .jsonPath("$.story.firstPublishedAt").isEqualTo("2026-11-20T09:00:00Z")
                .jsonPath("$.articles[*].id").isEqualTo(List.of(A1, A2, A3))
                .jsonPath("$.articles[2].story.matchedArticleId").isEqualTo(A2)
                .jsonPath("$.more").isEqualTo(false);
        web().get().uri(URI.create(base() + "/api/v1/stories/" + UNKNOWN)).exchange().expectStatus().isNotFound();
        web().get().uri(URI.create(base() + "/api/v1/stories/not-a-story")).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.parameter").isEqualTo("id");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/v1/articles", "/api/v1/facets", "/api/v1/export?to=2026-12-01", "/feeds/v1/articles.atom",
            "/feeds/v1/articles.rss", "/api/v1/stories", "/api/v1/stream"})
    void aStoryThatIsNoStoryIdIsA400NamingTheParameter(String route) {
        String glue = route.contains("?") ? "&" : "?";
        web().get().uri(URI.create(base() + route + glue + "feed=" + FEED + "&story=short"))
                .accept(route.endsWith("stream") ? MediaType.TEXT_EVENT_STREAM : MediaType.ALL).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.parameter").isEqualTo("story");
    }

    @Test
    void collapseTakesOnlyStoryAndNoCursor() {
        web().get().uri(URI.create(base() + "/api/v1/articles?collapse=feed")).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.parameter").isEqualTo("collapse");
        web().get().uri(URI.create(base() + "/api/v1/stories?size=0")).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.parameter").isEqualTo("size");
        web().get().uri(URI.create(base() + "/api/v1/facets?collapse=story")).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.parameter").isEqualTo("collapse");
    }

    private List<String> ids(String route) {
        return web().get().uri(URI.create(base() + route)).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
                }).returnResult().getResponseBody().get("items") instanceof List<?> items
                ? items.stream().map(i -> (String) ((Map<?, ?>) i).get("id")).toList() : List.of();
    }

    private String body(String route) {
        return web().get().uri(URI.create(base() + route)).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private static Map<String, Object> story(String story, double score, String matched) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("story", story);
        fields.put("storyScore", score);
        fields.put("storyMatchedArticleId", matched);
        fields.put("storySharedNames", matched == null ? List.of() : List.of("hai phong"));
        fields.put("storySharedNumbers", List.of());
        return fields;
    }

    private static String id(String slug) {
        return ArticleId.ofUrl("https://example.org/" + FEED + "/" + slug);
    }

    private static ClassifiedArticle article(String id, String title, String source, String language, String published) {
        Instant at = Instant.parse(published);
        RawArticle raw = new RawArticle(1, id, "https://example.org/" + FEED + "/" + id, null, FEED, source, language, title, "", "",
                List.of(), at, at);
        return new ClassifiedArticle(1, raw, "test", at, language, PairTag.of("JP", "VN", 0.8),
                List.of(new CountryTag("VN", 0.8, List.of()), new CountryTag("JP", 0.7, List.of())), List.of(), List.of());
    }

    private String base() {
        return GatewayClients.base(port);
    }

    private WebTestClient web() {
        return GatewayClients.reader(port);
    }
}
