package io.newsradar.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.newsradar.contracts.ArticleId;
import io.newsradar.contracts.ClassifiedArticle;
import io.newsradar.contracts.CountryTag;
import io.newsradar.contracts.PairTag;
import io.newsradar.contracts.RawArticle;
import io.newsradar.contracts.RegionTag;
import io.newsradar.contracts.TopicTag;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Regions with their merges, dates, sources, cursor paging and facets, against a real Elasticsearch node. */
@RunningGateway
class ArticleQueriesIT {

    /** Every article of this class is in feed {@link #FEED}, so counts ignore the other test classes' articles. */
    private static final String FEED = "q" + Long.toString(System.nanoTime(), 36);
    private static final Instant DAY = Instant.parse("2026-11-10T00:00:00Z");

    @Value("${local.server.port}")
    int port;

    @BeforeAll
    static void seed() throws Exception {
        List<ClassifiedArticle> articles = new ArrayList<>();
        // 25 articles a day apart: 3 tagged Bắc Giang (VN-54, now Bắc Ninh), 2 tagged Bắc Ninh (VN-56), 1 Gunma.
        for (int i = 0; i < 25; i++) {
            List<RegionTag> regions = i < 3 ? List.of(new RegionTag("VN-54", "VN", "Bắc Giang", "VN-56", 0.7, List.of()))
                    : i < 5 ? List.of(new RegionTag("VN-56", "VN", "Bắc Ninh", "VN-56", 0.7, List.of()))
                    : i == 5 ? List.of(new RegionTag("JP-10", "JP", "Gunma", "JP-10", 0.7, List.of())) : List.of();
            articles.add(article(i, i % 2 == 0 ? "Báo Bắc Giang" : "NHK World", regions, i % 3 == 0 ? "labour" : "culture"));
        }
        IndexedArticles.index(articles);
    }

    @Test
    void aRegionFindsItsMergedPredecessorAndItsSuccessor() {
        assertThat(ids("region=VN-56")).hasSize(5);
        assertThat(ids("region=VN-54")).hasSize(5);
        assertThat(ids("region=JP-10")).hasSize(1);
        assertThat(ids("region=VN-54&country=FR")).isEmpty();
    }

    @Test
    void filtersByPublicationTimeSourceAndTopic() {
        assertThat(ids("from=2026-11-12&to=2026-11-15")).hasSize(3);
        // 'to' keeps out the five articles another test adds, dated in 2027.
        assertThat(ids("from=2026-11-12T00:00:00Z&to=2027-01-01")).hasSize(23);
        assertThat(ids("source=NHK World&to=2027-01-01")).hasSize(12);
        assertThat(ids("source=NHK World&topic=labour&to=2027-01-01")).hasSize(4);
        assertThat(ids("topic=labour,culture&to=2027-01-01")).hasSize(25);
    }

    @Test
    void pagesWithACursorNeitherSkipNorRepeatWhileArticlesAreAdded() throws Exception {
        Map<String, Object> first = page("size=10");
        List<String> seen = new ArrayList<>(items(first));
        assertThat(first.get("total")).isEqualTo(25);

        // Newer articles arrive between the pages: they are not in this reading, and nothing shifts.
        IndexedArticles.index(IntStream.range(100, 105).mapToObj(i -> article(i, "NHK World", List.of(), "culture")).toList());
        Map<String, Object> second = page("size=10&cursor=" + first.get("next"));
        seen.addAll(items(second));
        Map<String, Object> third = page("size=10&cursor=" + second.get("next"));
        seen.addAll(items(third));

        assertThat(third.get("next")).isNull();
        assertThat(seen).hasSize(25).doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen)).isEqualTo(IntStream.range(0, 25).mapToObj(ArticleQueriesIT::id).collect(java.util.stream.Collectors.toSet()));
        assertThat(ids("")).hasSize(30);
    }

    @Test
    void refusesACursorForAnotherQuery() {
        Map<String, Object> first = page("size=5");

        web().get().uri("/api/v1/articles?feed=" + FEED + "&topic=labour&size=5&cursor=" + first.get("next")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.parameter").isEqualTo("cursor")
                .jsonPath("$.detail").isEqualTo("this cursor belongs to another query: keep the filters and sort of the page it came from");
    }

    @Test
    void countsPerTagAndPerDayForTheSameFilters() {
        web().get().uri("/api/v1/facets?feed=" + FEED + "&source=NHK World&to=2026-12-01").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(10)
                .jsonPath("$.counts.topics[?(@.value == 'labour')].count").isEqualTo(3)
                .jsonPath("$.counts.topics[?(@.value == 'culture')].count").isEqualTo(7)
                .jsonPath("$.counts.countries[?(@.value == 'VN')].count").isEqualTo(10)
                .jsonPath("$.counts.pair[0].value").isEqualTo("JP-VN")
                // From the first matching day to the filter's to (the last day, 11-30, is empty): 20 days.
                .jsonPath("$.published.length()").isEqualTo(20)
                .jsonPath("$.published[0].start").isEqualTo("2026-11-11T00:00:00Z")
                .jsonPath("$.published[1].count").isEqualTo(0);
        web().get().uri("/api/v1/facets?feed=" + FEED + "&size=5").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.parameter").isEqualTo("size");
    }

    @Test
    void ordersByRelevanceWhenAsked() {
        List<String> ids = ids("q=bac giang&sort=relevance");
        assertThat(ids).isEmpty();
        web().get().uri("/api/v1/articles?feed=" + FEED + "&q=story&sort=relevance&size=3").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(3);
    }

    @Test
    void servesTheQueryAsAtomAndRssThatAFeedReaderParses() throws Exception {
        for (String kind : List.of("atom", "rss")) {
            byte[] body = web().get().uri("/feeds/v1/articles." + kind + "?feed=" + FEED + "&topic=labour&to=2027-01-01").exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith("application/" + kind + "+xml")
                    .expectBody().returnResult().getResponseBody();

            SyndFeed feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(body)));

            assertThat(feed.getFeedType()).isEqualTo(kind.equals("atom") ? "atom_1.0" : "rss_2.0");
            assertThat(feed.getTitle()).contains("topic=labour");
            assertThat(feed.getEntries()).hasSize(9);
            SyndEntry newest = feed.getEntries().get(0);
            assertThat(newest.getTitle()).isEqualTo("Story 24 about Vietnam and Japan");
            assertThat(newest.getLink()).isEqualTo("https://example.org/" + FEED + "/24");
            assertThat(newest.getPublishedDate().toInstant()).isEqualTo(DAY.plus(Duration.ofDays(24)));
            assertThat(newest.getCategories()).extracting(SyndCategory::getName).contains("JP-VN", "VN", "labour");
        }
        web().get().uri("/feeds/v1/articles.atom?pair=VN").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.parameter").isEqualTo("pair");
    }

    private List<String> ids(String query) {
        List<String> all = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> page = page(query + "&size=100" + (cursor == null ? "" : "&cursor=" + cursor));
            all.addAll(items(page));
            cursor = (String) page.get("next");
        } while (cursor != null);
        return all;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> page(String query) {
        return web().get().uri("/api/v1/articles?feed=" + FEED + "&" + query).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<String> items(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("items")).stream().map(i -> (String) i.get("id")).toList();
    }

    private WebTestClient web() {
        return GatewayClients.reader(port);
    }

    private static String id(int i) {
        return ArticleId.ofUrl("https://example.org/" + FEED + "/" + i);
    }

    private static ClassifiedArticle article(int i, String source, List<RegionTag> regions, String topic) {
        Instant published = DAY.plus(Duration.ofDays(i));
        RawArticle raw = new RawArticle(1, id(i), "https://example.org/" + FEED + "/" + i, null, FEED, source, "en",
                "Story " + i + " about Vietnam and Japan", "", "", List.of(), published, published.plusSeconds(60));
        return new ClassifiedArticle(1, raw, "test", published.plusSeconds(61), "en", PairTag.of("JP", "VN", 0.8),
                List.of(new CountryTag("VN", 0.8, List.of()), new CountryTag("JP", 0.7, List.of())), regions,
                List.of(new TopicTag(topic, 0.6, List.of())));
    }
}
