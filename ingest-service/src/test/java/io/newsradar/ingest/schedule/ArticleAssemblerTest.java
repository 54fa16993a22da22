package io.newsradar.ingest.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsradar.contracts.ArticleId;
import io.newsradar.contracts.FeedSpec;
import io.newsradar.contracts.RawArticle;
import io.newsradar.contracts.UrlCanonicalizer;
import io.newsradar.ingest.extract.ArticleExtractor;
import io.newsradar.ingest.extract.PageReader;
import io.newsradar.ingest.fetch.FeedFetcher;
import io.newsradar.ingest.fetch.FetchSettings;
import io.newsradar.ingest.parse.FeedItem;
import io.newsradar.ingest.parse.ParsedFeed;
import io.newsradar.testsupport.FeedServer;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** From a parsed item to the published article, each piece of work is done once: canonicalising, fetching, extracting. */
class ArticleAssemblerTest {

    private static final FeedSpec FEED = FeedSpec.of("wire", "https://wire.example.com/rss", "en");

    private final FeedServer server = FeedServer.start();
    private final FeedFetcher fetcher = new FeedFetcher(new FetchSettings("newsradar-test/1", Duration.ofSeconds(2),
            Duration.ofSeconds(2), Duration.ofSeconds(5), 16 << 20, 32 << 20, 5, true, 2, 8));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<RawArticle> published = new ArrayList<>();
    private final AtomicInteger canonicalised = new AtomicInteger();
    private final AtomicInteger extracted = new AtomicInteger();

    @AfterEach
    void stop() {
        server.close();
        fetcher.close();
    }

    @Test
    void eachItemsUrlIsCanonicalisedOnceOnItsWayFromThePollToItsArticle() {
        ParsedFeed parsed = feed(item("Three", "https://WIRE.example.com/three?utm_source=rss"),
                item("Two", "https://wire.example.com/two#top"), item("One", "https://wire.example.com:443/one"));

        ItemPublisher.Published result = publisher().publishNew(FEED, parsed, List.of());

        assertThat(result.created()).isEqualTo(3);
        assertThat(canonicalised).as("one canonicalisation per item").hasValue(3);
        assertThat(published).extracting(RawArticle::url).containsExactly("https://wire.example.com/one",
                "https://wire.example.com/two", "https://wire.example.com/three");
        assertThat(published).allSatisfy(a -> assertThat(a.articleId()).isEqualTo(ArticleId.ofUrl(a.url())));
        assertThat(result.recent()).extracting(s -> s.articleId()).containsExactly(published.get(2).articleId(),
                published.get(1).articleId(), published.get(0).articleId());
    }

    @Test
    void anItemSeenBeforeIsIdentifiedOnceAndNeitherBuiltNorPublishedAgain() {
        ParsedFeed parsed = feed(item("Two", "https://wire.example.com/two"), item("One", "https://wire.example.com/one"));
        ItemPublisher.Published first = publisher().publishNew(FEED, parsed, List.of());
        canonicalised.set(0);
        published.clear();

        ItemPublisher.Published second = publisher().publishNew(FEED, parsed, first.recent());

        assertThat(second.created() + second.updated()).isZero();
        assertThat(published).isEmpty();
        assertThat(canonicalised).hasValue(2);
    }

    @Test
    void anItemWithOnlyAGuidThatIsAUrlIsCanonicalisedOnceAndGetsTheContractsId() {
        FeedItem guidOnly = new FeedItem("Guid only", null, "https://wire.example.com/g/1?fbclid=x", "About it", "",
                Instant.now(), null, List.of());

        publisher().publishNew(FEED, feed(guidOnly), List.of());

        assertThat(canonicalised).hasValue(1);
        assertThat(published).singleElement().satisfies(a -> {
            assertThat(a.url()).isNull();
            assertThat(a.articleId()).isEqualTo(ArticleId.ofItem("wire", null, "https://wire.example.com/g/1?fbclid=x"));
        });
    }

    @Test
    void theArticlePageIsFetchedOnceAndExtractedOnceAndItsLanguageIsTheOneDecided() throws IOException {
        server.route("/tin/gunma.html").body("text/html; charset=utf-8", page("vi-daily.html"));
        FeedSpec feed = new FeedSpec(1, "pages", server.url("/rss.xml"), "Tin", null, null, true, true);
        FeedItem item = new FeedItem("Tin mới", server.url("/tin/gunma.html"), null, "Tóm tắt.", "", Instant.now(), null,
                List.of());

        publisher().publishNew(feed, new ParsedFeed("Tin", null, "rss_2.0", null, null, List.of(item)), List.of());

        assertThat(server.requests("/tin/gunma.html")).hasSize(1);
        assertThat(extracted).hasValue(1);
        assertThat(canonicalised).hasValue(1);
        assertThat(published).singleElement().satisfies(a -> {
            assertThat(a.body()).isNotBlank();
            assertThat(a.language()).isEqualTo("vi");
            assertThat(a.languageFrom()).isEqualTo("page");
        });
    }

    private ItemPublisher publisher() {
        IngestMetrics metrics = new IngestMetrics(meters);
        ArticleExtractor extractor = new ArticleExtractor();
        PageReader countingReader = (url, html, contentType) -> {
            extracted.incrementAndGet();
            return extractor.extract(url, html, contentType);
        };
        UnaryOperator<String> countingCanonicalizer = url -> {
            canonicalised.incrementAndGet();
            return UrlCanonicalizer.canonicalOrNull(url);
        };
        ArticleAssembler assembler = new ArticleAssembler(new ArticlePages(fetcher, countingReader, metrics),
                FieldLimits.DEFAULTS, countingCanonicalizer);
        return new ItemPublisher(assembler, published::add, metrics, Clock.systemUTC(), 100);
    }

    private static ParsedFeed feed(FeedItem... newestFirst) {
        return new ParsedFeed("Wire", "en", "rss_2.0", null, null, List.of(newestFirst));
    }

    private static FeedItem item(String title, String link) {
        return new FeedItem(title, link, null, "About " + title, "", Instant.now(), null, List.of());
    }

    private static byte[] page(String name) throws IOException {
        try (InputStream in = ArticleAssemblerTest.class.getResourceAsStream("/pages/" + name)) {
            assertThat(in).as("page %s", name).isNotNull();
            return in.readAllBytes();
        }
    }
}
