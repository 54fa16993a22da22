package io.newsradar.ingest.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsradar.contracts.FeedSpec;
import io.newsradar.ingest.extract.ArticleExtractor;
import io.newsradar.ingest.extract.ExtractedArticle;
import io.newsradar.ingest.fetch.FeedFetcher;
import io.newsradar.ingest.fetch.FetchSettings;
import io.newsradar.ingest.parse.FeedItem;
import io.newsradar.testsupport.FeedServer;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which items' pages are fetched: every item of a feed that asks, and any item whose own text is a teaser. */
class ArticlePagesTest {

    private final FeedServer server = FeedServer.start();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final FeedFetcher loopbackAllowed = fetcher(true);
    private final FeedFetcher publicOnly = fetcher(false);

    @AfterEach
    void stop() {
        server.close();
        loopbackAllowed.close();
        publicOnly.close();
    }

    @Test
    void fetchesAndExtractsThePageOfAnItemWhoseSummaryIsShorterThanTheThreshold() throws IOException {
        server.route("/tin/gunma.html").body("text/html; charset=utf-8", page("vi-daily.html"));
        FeedItem teaser = item("/tin/gunma.html", "Tỉnh Gunma và Việt Nam ký thỏa thuận mới.");

        ExtractedArticle article = pages(loopbackAllowed, new FetchDecision(60)).read(feed(false), teaser);

        assertThat(article).isNotNull();
        assertThat(article.body()).isNotBlank();
        assertThat(server.requests("/tin/gunma.html")).hasSize(1);
        assertThat(meters.counter("newsradar.ingest.pages.extracted").count()).isEqualTo(1);
    }

    @Test
    void leavesThePageOfAnItemWhoseSummaryIsLongEnoughUnfetched() {
        server.route("/tin/long.html").body("text/html; charset=utf-8", "<html><body><p>never read</p></body></html>");
        FeedItem story = item("/tin/long.html", "word ".repeat(60));

        ExtractedArticle article = pages(loopbackAllowed, new FetchDecision(60)).read(feed(false), story);

        assertThat(article).isNull();
        assertThat(server.requests("/tin/long.html")).isEmpty();
    }

    @Test
    void fetchesOnlyForFeedsThatAskWhenTheThresholdIsZero() throws IOException {
        server.route("/tin/gunma.html").body("text/html; charset=utf-8", page("vi-daily.html"));
        FeedItem teaser = item("/tin/gunma.html", "Ngắn.");
        ArticlePages pages = pages(loopbackAllowed, FetchDecision.FEED_FLAG_ONLY);

        assertThat(pages.read(feed(false), teaser)).isNull();
        assertThat(server.requests("/tin/gunma.html")).isEmpty();
        assertThat(pages.read(feed(true), teaser)).isNotNull();
        assertThat(server.requests("/tin/gunma.html")).hasSize(1);
    }

    @Test
    void aTeaserOnAPrivateAddressIsRefusedByTheFetchersAddressRulesAndPublishedFromTheFeed() throws IOException {
        server.route("/tin/gunma.html").body("text/html; charset=utf-8", page("vi-daily.html"));
        FeedItem teaser = item("/tin/gunma.html", "Ngắn.");

        ExtractedArticle article = pages(publicOnly, new FetchDecision(60)).read(feed(false), teaser);

        assertThat(article).isNull();
        assertThat(server.requests("/tin/gunma.html")).as("no request reaches a loopback address").isEmpty();
        assertThat(meters.counter("newsradar.ingest.pages.failed").count()).isEqualTo(1);
        assertThat(meters.counter("newsradar.ingest.pages.extracted").count()).isZero();
    }

    @Test
    void countsTheWordsOfTheLongerOfSummaryAndContent() {
        FeedItem withContent = new FeedItem("T", "https://wire.example/a", null, "Short.", "one two three four five", Instant.now(),
                null, List.of());

        assertThat(new FetchDecision(5).fetch(feed(false), withContent)).isFalse();
        assertThat(new FetchDecision(6).fetch(feed(false), withContent)).isTrue();
        assertThat(FetchDecision.words("Việt – Nhật, 2026!")).isEqualTo(3);
    }

    private ArticlePages pages(FeedFetcher fetcher, FetchDecision decision) {
        return new ArticlePages(fetcher, new ArticleExtractor(), new IngestMetrics(meters), decision);
    }

    private FeedSpec feed(boolean fetchFullArticle) {
        return new FeedSpec(1, "tin", server.url("/rss.xml"), "Tin", null, null, fetchFullArticle, true);
    }

    private FeedItem item(String path, String summary) {
        return new FeedItem("Tin mới", server.url(path), null, summary, "", Instant.now(), null, List.of());
    }

    private static FeedFetcher fetcher(boolean allowPrivateNetworks) {
        return new FeedFetcher(new FetchSettings("newsradar-test/1", Duration.ofSeconds(2), Duration.ofSeconds(2),
                Duration.ofSeconds(5), 16 << 20, 32 << 20, 5, allowPrivateNetworks, 2, 8));
    }

    private static byte[] page(String name) throws IOException {
        try (InputStream in = ArticlePagesTest.class.getResourceAsStream("/pages/" + name)) {
            assertThat(in).as("page %s", name).isNotNull();
            return in.readAllBytes();
        }
    }
}
