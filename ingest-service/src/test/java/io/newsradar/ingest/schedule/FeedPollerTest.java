package io.newsradar.ingest.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsradar.contracts.ArticleId;
import io.newsradar.contracts.FeedSpec;
import io.newsradar.contracts.RawArticle;
import io.newsradar.ingest.dedupe.PublishedArticles;
import io.newsradar.ingest.fetch.FeedFetcher;
import io.newsradar.ingest.fetch.FetchSettings;
import io.newsradar.ingest.parse.FeedParser;
import io.newsradar.testsupport.FeedServer;
import io.newsradar.testsupport.RssFeed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FeedPollerTest {

    private final FeedServer server = FeedServer.start();
    private final List<RawArticle> published = new CopyOnWriteArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void publishesEachItemOnceAcrossPolls() {
        RssFeed rss = RssFeed.channel("Tin Nhật Bản", "https://example.vn/", "vi")
                .item("Gunma mở văn phòng xúc tiến tại Hà Nội", "https://example.vn/a1?utm_source=rss", "Tin 1", Instant.parse("2026-11-20T01:00:00Z"));
        server.route("/vi.xml").body("application/rss+xml", rss.toXml());
        FeedSpec feed = FeedSpec.of("vi-news", server.url("/vi.xml"), "vi");
        FeedPoller poller = poller(feed);

        int first = poller.poll(feed, new FeedPoller.PollState());
        rss.item("Thực tập sinh Việt Nam tại Gunma tăng mạnh", "https://example.vn/a2", "Tin 2", Instant.parse("2026-11-20T02:00:00Z"));
        server.route("/vi.xml").body("application/rss+xml", rss.toXml());
        int second = poller.poll(feed, new FeedPoller.PollState());

        assertThat(first).isEqualTo(1);
        assertThat(second).isEqualTo(1);
        assertThat(published).extracting(RawArticle::url).containsExactly("https://example.vn/a1", "https://example.vn/a2");
        assertThat(published.get(0).articleId()).isEqualTo(ArticleId.ofUrl("https://example.vn/a1"));
        assertThat(published.get(0).language()).isEqualTo("vi");
        assertThat(published.get(0).source()).isEqualTo("Tin Nhật Bản");
    }

    @Test
    void skipsTheBodyWhenTheFeedAnswersNotModified() {
        server.route("/vi.xml").body("application/rss+xml", RssFeed.channel("T", "https://example.vn/", "vi")
                .item("A", "https://example.vn/a", "x", null).toXml()).etag("\"v1\"");
        FeedSpec feed = FeedSpec.of("vi-news", server.url("/vi.xml"), "vi");
        FeedPoller poller = poller(feed);
        FeedPoller.PollState state = new FeedPoller.PollState();

        poller.poll(feed, state);
        poller.poll(feed, state);

        assertThat(server.requests("/vi.xml")).extracting(FeedServer.Request::ifNoneMatch).containsExactly(null, "\"v1\"");
        assertThat(meters.timer("newsradar.ingest.fetch", "outcome", "not_modified").count()).isEqualTo(1);
        assertThat(published).hasSize(1);
    }

    @Test
    void recordsAFailureWithTheReasonAndKeepsPollingTheOtherFeeds() {
        server.route("/broken.xml").body("text/html", "<html>not a feed</html>");
        server.route("/good.xml").body("application/rss+xml", RssFeed.channel("T", "https://example.com/", "en")
                .item("Japan and Vietnam sign a labour accord", "https://example.com/labour", "x", null).toXml());
        FeedSpec broken = FeedSpec.of("broken", server.url("/broken.xml"), "en");
        FeedSpec good = FeedSpec.of("good", server.url("/good.xml"), "en");
        FeedPoller poller = poller(broken, good);

        poller.pollDueFeeds();

        assertThat(published).extracting(RawArticle::feedId).containsExactly("good");
        assertThat(meters.timer("newsradar.ingest.fetch", "outcome", "error").count()).isEqualTo(1);
    }

    @Test
    void usesTheGuidWhenAnItemHasNoLinkAndSkipsAnItemWithNeither() throws Exception {
        server.route("/desk.xml").body("application/rss+xml", FeedParserFixtures.read("rss2-items-without-link.xml"));
        FeedSpec feed = FeedSpec.of("desk", server.url("/desk.xml"), "en");

        poller(feed).pollDueFeeds();

        assertThat(published).singleElement().satisfies(article -> {
            assertThat(article.articleId()).isEqualTo(ArticleId.ofItem("desk", null, "labour-desk-2026-0042"));
            assertThat(article.url()).isNull();
            assertThat(article.title()).startsWith("Technical intern quotas");
        });
    }

    private FeedPoller poller(FeedSpec... feeds) {
        return new FeedPoller(List.of(feeds), Duration.ofMinutes(5),
                new FeedFetcher(FetchSettings.defaults("newsradar-test/1").allowingPrivateNetworks()), new FeedParser(),
                new PublishedArticles(100), published::add, Clock.systemUTC(), meters);
    }
}
