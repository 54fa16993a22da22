package io.newsradar.e2e;

import static io.newsradar.e2e.PipelineFixtures.await;
import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.newsradar.contracts.ArticleDocument;
import io.newsradar.contracts.ArticleId;
import io.newsradar.contracts.FeedState;
import io.newsradar.ingest.feed.FeedStateStore;
import io.newsradar.ingest.schedule.PollResult;
import io.newsradar.testsupport.FeedServer;
import io.newsradar.testsupport.RssFeed;
import io.newsradar.testsupport.TestServers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The whole pipeline while feeds serve hostile items rather than hostile documents: an item of 3 MB followed by a
 * good one, titles holding characters XML forbids, dates of year 1 and 9999, Atom nested 20,000 levels deep, a feed
 * of 2,500 items, and a feed claiming another feed's article. Two good feeds grow every second throughout.
 *
 * <p>Every good article published before, during and after is indexed exactly once; each hostile item ends as its
 * limit says (cut, cleaned, re-dated, refused, recorded in {@code alsoIn}) and no feed stops; the gateway's Atom feed
 * and facets answer over what was indexed.
 */
@Tag("faults")
class HostileItemsIT {

    private static final Duration RUN = Duration.ofSeconds(15);
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    private static final String API_KEY = "hostile-items-" + SUFFIX;
    private static final int MANY = 2_500;
    private static final int READ_PER_DOCUMENT = 1_000;

    private static final String HUGE = "huge-" + SUFFIX;
    private static final String CONTROL = "control-" + SUFFIX;
    private static final String DATES = "dates-" + SUFFIX;
    private static final String DEEP = "deep-" + SUFFIX;
    private static final String MANY_ITEMS = "many-" + SUFFIX;
    private static final String CLAIM = "claim-" + SUFFIX;

    private static FeedServer server;
    private static RunningServices services;
    private static ConfigurableApplicationContext ingest;
    private static ConfigurableApplicationContext gateway;
    private static ConfigurableApplicationContext index;
    private static final List<GrowingFeed> good = new ArrayList<>();

    @BeforeAll
    static void pollGoodFeedsBesideHostileItems() throws Exception {
        server = FeedServer.start();
        good.add(GrowingFeed.serve(server, "good-vi-" + SUFFIX, "vi", "Nhật Bản đầu tư vào Bắc Giang, dự án số %d"));
        good.add(GrowingFeed.serve(server, "good-en-" + SUFFIX, "en", "Korea opens a training centre in Hanoi, part %d"));
        serveHostileItems();
        server.route(path(CLAIM)).body("application/rss+xml", RssFeed.channel(CLAIM, "https://claim.example.net/", "en").toXml());

        services = new RunningServices(TestServers.kafka().bootstrapServers());
        services.classify();
        index = services.index();
        gateway = services.gateway(API_KEY);
        ingest = services.ingest(ingestArguments().toArray(String[]::new));

        ScheduledExecutorService growth = Executors.newSingleThreadScheduledExecutor();
        growth.scheduleAtFixedRate(() -> good.forEach(GrowingFeed::grow), 1, 1, TimeUnit.SECONDS);
        try {
            Thread.sleep(RUN.toMillis());
        } finally {
            growth.shutdown();
            growth.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    @AfterAll
    static void stopEverything() {
        if (services != null) {
            services.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyGoodArticlePublishedBeforeDuringAndAfterIsIndexedExactlyOnce() throws Exception {
        List<String> feedIds = good.stream().map(GrowingFeed::feedId).toList();
        List<String> served = good.stream().flatMap(g -> g.articleIds().stream()).toList();

        await(() -> services.indexedIds(feedIds).containsAll(served), "the " + served.size() + " good articles", TIMEOUT);

        assertThat(services.indexedIds(feedIds)).isEqualTo(Set.copyOf(served));
        assertThat(services.documentsOf(feedIds)).isEqualTo(served.size());
    }

    @Test
    void anItemOfThreeMegabytesIsCutAtAWordAndTheItemAfterItIsPublishedToo() throws Exception {
        String hugeId = ArticleId.ofItem(HUGE, link(HUGE, 1), link(HUGE, 1));
        String afterId = ArticleId.ofItem(HUGE, link(HUGE, 2), link(HUGE, 2));

        await(() -> document(hugeId) != null && document(afterId) != null, "both items of the huge feed", TIMEOUT);

        Map<?, ?> huge = document(hugeId);
        String body = String.valueOf(huge.get("body"));
        String lead = String.valueOf(huge.get("lead"));
        assertThat(body.length()).isLessThanOrEqualTo(100_000);
        assertThat(lead.length()).isLessThanOrEqualTo(5_000);
        assertThat(body + lead).as("what was kept of the item").startsWith("word").doesNotEndWith("wor");
        assertThat(document(afterId).get("title")).isEqualTo("The item after the huge one");
    }

    @Test
    void charactersXmlForbidsAreStrippedAndTheAtomFeedOverThemIsXml() throws Exception {
        String id = ArticleId.ofItem(CONTROL, link(CONTROL, 1), link(CONTROL, 1));
        await(() -> document(id) != null, "the item with control characters", TIMEOUT);

        assertThat(document(id).get("title")).isEqualTo("Control characters in a title");
        byte[] atom = web().get().uri("/feeds/v1/articles.atom?feed=" + CONTROL).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody();
        assertThat(atom).isNotNull();
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(atom));
        assertThat(document.getElementsByTagName("entry").getLength()).isEqualTo(1);
    }

    @Test
    void datesOfYearOneAndNineThousandAreReplacedAndTheFacetsStillAnswer() throws Exception {
        String yearOne = ArticleId.ofItem(DATES, link(DATES, 1), link(DATES, 1));
        String year9999 = ArticleId.ofItem(DATES, link(DATES, 2), link(DATES, 2));
        await(() -> document(yearOne) != null && document(year9999) != null, "both dated items", TIMEOUT);

        for (String id : List.of(yearOne, year9999)) {
            Instant published = Instant.parse(String.valueOf(document(id).get("publishedAt")));
            assertThat(published).as("publishedAt of %s", id).isAfter(Instant.parse("1990-01-01T00:00:00Z"))
                    .isBefore(Instant.now().plus(Duration.ofDays(2)));
        }
        web().get().uri("/api/v1/facets").exchange().expectStatus().isOk();
        web().get().uri("/api/v1/facets?feed=" + DATES).exchange().expectStatus().isOk();
    }

    @Test
    void atomNestedTwentyThousandLevelsDeepEndsAsItsFeedsFailureWithoutStoppingOthers() throws Exception {
        FeedStateStore states = ingest.getBean(FeedStateStore.class);
        await(() -> {
            FeedState state = states.read(Set.of(DEEP)).get(DEEP);
            return state != null && PollResult.PERMANENT_ERROR.equals(state.lastOutcome());
        }, "a failure state for the deep feed", TIMEOUT);

        FeedState state = states.read(Set.of(DEEP)).get(DEEP);
        assertThat(state.lastError()).contains("nests its elements more than").contains("deep");
        assertThat(state.consecutiveFailures()).isPositive();
        assertThat(services.documentsOf(List.of(DEEP))).isZero();
    }

    @Test
    void aFeedOfThousandsOfItemsIsReadUpToItsCapAndItsStateSaysSo() throws Exception {
        FeedStateStore states = ingest.getBean(FeedStateStore.class);
        await(() -> {
            FeedState state = states.read(Set.of(MANY_ITEMS)).get(MANY_ITEMS);
            return state != null && !state.limitsApplied().isEmpty();
        }, "a state for the feed of " + MANY + " items", TIMEOUT);

        assertThat(states.read(Set.of(MANY_ITEMS)).get(MANY_ITEMS).limitsApplied())
                .anySatisfy(limit -> assertThat(limit).contains("read the first " + READ_PER_DOCUMENT + " of " + MANY));
        await(() -> services.documentsOf(List.of(MANY_ITEMS)) == READ_PER_DOCUMENT, READ_PER_DOCUMENT + " articles", TIMEOUT);
    }

    @Test
    void aFeedThatClaimsAnotherFeedsArticleIsRecordedBesideItAndLeavesItsWords() throws Exception {
        GrowingFeed owner = good.get(1);
        String link = "https://" + owner.feedId() + ".example.org/articles/1.html";
        String id = owner.articleIds().get(0);
        await(() -> document(id) != null, "the owner's first article", TIMEOUT);
        String title = String.valueOf(document(id).get("title"));

        server.route(path(CLAIM)).body("application/rss+xml", RssFeed.channel(CLAIM, "https://claim.example.net/", "en")
                .item("A forged headline", link, "Forged words.", Instant.now()).toXml());

        await(() -> String.valueOf(document(id).get("alsoIn")).contains(CLAIM), "the claiming feed in alsoIn", TIMEOUT);
        assertThat(document(id).get("title")).isEqualTo(title);
        assertThat(document(id).get("feedId")).isEqualTo(owner.feedId());
    }

    // --- the hostile items ---------------------------------------------------------------------------------------

    private static void serveHostileItems() {
        StringBuilder words = new StringBuilder(3 * 1024 * 1024 + 16);
        while (words.length() < 3 * 1024 * 1024) {
            words.append("word ");
        }
        server.route(path(HUGE)).body("application/rss+xml", RssFeed.channel(HUGE, "https://huge.example.net/", "en")
                .item("A huge item", link(HUGE, 1), words.toString(), Instant.now().minusSeconds(60))
                .item("The item after the huge one", link(HUGE, 2), "A short story.", Instant.now().minusSeconds(120))
                .toXml());

        // XML cannot carry these characters at all, JSON Feed can.
        server.route(path(CONTROL)).body("application/feed+json", """
                {"version": "https://jsonfeed.org/version/1.1", "title": "Control\\u0001 feed",
                 "items": [{"id": "%s", "url": "%s", "title": "Control\\u0001 characters\\uFFFF in a\\u0000 title",
                            "content_text": "Words\\u0002 and\\uFFFE more.", "date_published": "2026-11-30T08:00:00Z"}]}
                """.formatted(link(CONTROL, 1), link(CONTROL, 1)));

        server.route(path(DATES)).body("application/rss+xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Dates</title><link>https://dates.example.net/</link>
                <item><title>Dated year one</title><link>%s</link><pubDate>Mon, 01 Jan 0001 00:00:00 GMT</pubDate></item>
                <item><title>Dated year 9999</title><link>%s</link><pubDate>Fri, 31 Dec 9999 23:00:00 GMT</pubDate></item>
                </channel></rss>
                """.formatted(link(DATES, 1), link(DATES, 2)));

        int depth = 20_000;
        server.route(path(DEEP)).body("application/atom+xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Deep</title><id>urn:deep</id>
                <updated>2026-11-30T08:00:00Z</updated><entry><id>urn:deep:1</id><title>Deep</title>
                <updated>2026-11-30T08:00:00Z</updated><link href="%s"/><content type="xhtml">
                <div xmlns="http://www.w3.org/1999/xhtml">%s%s</div></content></entry></feed>
                """.formatted(link(DEEP, 1), "<div>".repeat(depth), "</div>".repeat(depth)));

        RssFeed many = RssFeed.channel(MANY_ITEMS, "https://many.example.net/", "en");
        Instant now = Instant.now();
        for (int i = 1; i <= MANY; i++) {
            many.item("Item " + i + " of many", link(MANY_ITEMS, i), "Story " + i + ".", now.minusSeconds(i));
        }
        server.route(path(MANY_ITEMS)).body("application/rss+xml", many.toXml());
    }

    private static List<String> ingestArguments() {
        List<String> args = new ArrayList<>();
        int index = 0;
        for (GrowingFeed g : good) {
            args.addAll(g.ingestArguments(index++, "poll-interval=1000ms"));
        }
        for (String feedId : List.of(HUGE, CONTROL, DATES, DEEP, MANY_ITEMS, CLAIM)) {
            String i = "--newsradar.ingest.feeds[" + index++ + "].";
            args.addAll(List.of(i + "feed-id=" + feedId, i + "url=" + server.url(path(feedId)), i + "language-hint=en"));
        }
        return args;
    }

    private static String path(String feedId) {
        return "/" + feedId + ".xml";
    }

    private static String link(String feedId, int n) {
        return "https://" + feedId + ".example.net/articles/" + n + ".html";
    }

    /** The article's document as Elasticsearch holds it, or {@code null} while there is none. */
    private static Map<?, ?> document(String id) {
        ElasticsearchClient client = index.getBean(ElasticsearchClient.class);
        try {
            client.indices().refresh(r -> r.index(ArticleDocument.ALIAS));
            var found = client.search(s -> s.index(ArticleDocument.ALIAS).query(q -> q.ids(i -> i.values(id))), Map.class)
                    .hits().hits();
            return found.isEmpty() ? null : found.get(0).source();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read article " + id + " from Elasticsearch", e);
        }
    }

    private static WebTestClient web() {
        String port = gateway.getEnvironment().getProperty("local.server.port");
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).defaultHeader("X-Api-Key", API_KEY)
                .responseTimeout(Duration.ofSeconds(20)).build();
    }
}
