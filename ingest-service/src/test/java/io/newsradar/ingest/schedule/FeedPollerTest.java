package io.newsradar.ingest.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsradar.contracts.ArticleId;
import io.newsradar.contracts.FeedSpec;
import io.newsradar.contracts.FeedState;
import io.newsradar.contracts.RawArticle;
import io.newsradar.ingest.extract.ArticleExtractor;
import io.newsradar.ingest.fetch.FeedFetcher;
import io.newsradar.ingest.fetch.FetchSettings;
import io.newsradar.ingest.parse.FeedParser;
import io.newsradar.ingest.parse.ParsedFeed;
import io.newsradar.ingest.publish.ArticlePublisher;
import io.newsradar.testsupport.FeedServer;
import io.newsradar.testsupport.RssFeed;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/** One poll of one feed against a loopback feed server: what is published and what state the feed is left in. */
class FeedPollerTest {

    private final FeedServer server = FeedServer.start();
    private final List<RawArticle> published = new CopyOnWriteArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final FeedFetcher fetcher = new FeedFetcher(new FetchSettings("newsradar-test/1", Duration.ofSeconds(2),
            Duration.ofSeconds(2), Duration.ofSeconds(5), 16 << 20, 32 << 20, 5, true, 2, 8));
    private ArticlePublisher kafka = published::add;

    @AfterEach
    void stop() {
        server.close();
        fetcher.close();
    }

    @Test
    void publishesEachItemOnceAcrossPollsOldestFirstAndRemembersItInTheState() {
        RssFeed rss = RssFeed.channel("Tin Nhật Bản", "https://example.vn/", "vi")
                .item("Gunma mở văn phòng xúc tiến tại Hà Nội", "https://example.vn/a1?utm_source=rss", "Tin 1", Instant.parse("2026-11-20T01:00:00Z"));
        server.route("/vi.xml").body("application/rss+xml", rss.toXml());
        FeedSpec feed = FeedSpec.of("vi-news", server.url("/vi.xml"), "vi");

        PollResult first = poller().poll(feed, FeedState.initial("vi-news"));
        rss.item("Thực tập sinh Việt Nam tại Gunma tăng mạnh", "https://example.vn/a2", "Tin 2", Instant.parse("2026-11-20T02:00:00Z"));
        server.route("/vi.xml").body("application/rss+xml", rss.toXml());
        PollResult second = poller().poll(feed, first.state());

        assertThat(first.published()).isEqualTo(1);
        assertThat(second.published()).isEqualTo(1);
        assertThat(published).extracting(RawArticle::url).containsExactly("https://example.vn/a1", "https://example.vn/a2");
        assertThat(published.get(0).articleId()).isEqualTo(ArticleId.ofUrl("https://example.vn/a1"));
        assertThat(published.get(0).language()).isEqualTo("vi");
        assertThat(published.get(0).source()).isEqualTo("Tin Nhật Bản");
        assertThat(published.get(0).publishedFrom()).isEqualTo("published");
        assertThat(second.state().recent()).extracting(FeedState.SeenArticle::articleId)
                .containsExactly(ArticleId.ofUrl("https://example.vn/a2"), ArticleId.ofUrl("https://example.vn/a1"));
        assertThat(second.state().lastOutcome()).isEqualTo(PollResult.FETCHED);
    }

    @Test
    void asksConditionallyAndA304PublishesNothingAndKeepsTheValidators() {
        server.route("/vi.xml").body("application/rss+xml", RssFeed.channel("T", "https://example.vn/", "vi")
                .item("A", "https://example.vn/a", "x", null).toXml()).etag("\"v1\"");
        FeedSpec feed = FeedSpec.of("vi-news", server.url("/vi.xml"), "vi");

        PollResult first = poller().poll(feed, FeedState.initial("vi-news"));
        PollResult second = poller().poll(feed, first.state());

        assertThat(server.requests("/vi.xml")).extracting(FeedServer.Request::ifNoneMatch).containsExactly(null, "\"v1\"");
        assertThat(second.outcome()).isEqualTo(PollResult.NOT_MODIFIED);
        assertThat(second.state().etag()).isEqualTo("\"v1\"");
        assertThat(meters.counter("newsradar.ingest.polls", "outcome", "not_modified").count()).isEqualTo(1);
        assertThat(published).hasSize(1);
    }

    @Test
    void aStoryWhoseWordsChangeIsPublishedAgainAsARevisionOfTheSameArticle() {
        RssFeed before = RssFeed.channel("Wire", "https://wire.example.com/", "en")
                .item("Flood in Quang Tri: Japan sends aid", "https://wire.example.com/flood", "Three villages cut off.", null);
        RssFeed after = RssFeed.channel("Wire", "https://wire.example.com/", "en")
                .item("Flood in Quang Tri: Japan sends aid", "https://wire.example.com/flood", "Seven villages cut off.", null);
        server.route("/en.xml").body("application/rss+xml", before.toXml());
        FeedSpec feed = FeedSpec.of("wire", server.url("/en.xml"), "en");

        PollResult first = poller().poll(feed, FeedState.initial("wire"));
        server.route("/en.xml").body("application/rss+xml", after.toXml());
        PollResult second = poller().poll(feed, first.state());

        assertThat(second.updated()).isEqualTo(1);
        assertThat(published).hasSize(2);
        assertThat(published.get(1).articleId()).isEqualTo(published.get(0).articleId());
        assertThat(published.get(1).lead()).isEqualTo("Seven villages cut off.");
        assertThat(published.get(1).ingestedAt()).isAfterOrEqualTo(published.get(0).ingestedAt());
        assertThat(published.get(0).publishedFrom()).as("no date in the item").isEqualTo("ingested");
    }

    @Test
    void whenKafkaRefusesAnArticleTheValidatorsAreNotKeptSoTheNextPollPublishesTheRest() {
        RssFeed rss = RssFeed.channel("Wire", "https://wire.example.com/", "en")
                .item("One", "https://wire.example.com/1", "a", Instant.parse("2026-11-20T01:00:00Z"))
                .item("Two", "https://wire.example.com/2", "b", Instant.parse("2026-11-20T02:00:00Z"))
                .item("Three", "https://wire.example.com/3", "c", Instant.parse("2026-11-20T03:00:00Z"));
        server.route("/en.xml").body("application/rss+xml", rss.toXml()).etag("\"v1\"");
        FeedSpec feed = FeedSpec.of("wire", server.url("/en.xml"), "en");
        AtomicInteger sends = new AtomicInteger();
        kafka = article -> {
            if (sends.incrementAndGet() == 2) {
                throw new IllegalStateException("Kafka is unavailable");
            }
            published.add(article);
        };

        PollResult outage = poller().poll(feed, FeedState.initial("wire"));
        PollResult recovered = poller().poll(feed, outage.state());

        assertThat(outage.outcome()).isEqualTo(PollResult.TEMPORARY_ERROR);
        assertThat(outage.state().etag()).as("not kept: the document must be fetched again").isNull();
        assertThat(outage.state().lastError()).contains("news.articles.raw", "Kafka is unavailable");
        assertThat(server.requests("/en.xml")).extracting(FeedServer.Request::ifNoneMatch).containsExactly(null, null);
        assertThat(recovered.outcome()).isEqualTo(PollResult.FETCHED);
        assertThat(published).extracting(RawArticle::title).containsExactly("One", "Two", "Three");
        assertThat(recovered.state().etag()).isEqualTo("\"v1\"");
    }

    @Test
    void aGoneFeedBacksOffUntilItIsFailingWithItsLastErrorAndIsStillPolled() {
        server.route("/gone.xml").body("application/rss+xml", "<rss/>").status(410);
        FeedSpec feed = FeedSpec.of("gone", server.url("/gone.xml"), "en");

        FeedState state = FeedState.initial("gone");
        for (int i = 0; i < 20; i++) {
            state = poller().poll(feed, state).state();
        }

        assertThat(state.failing()).isTrue();
        assertThat(state.consecutiveFailures()).isEqualTo(20);
        assertThat(state.lastOutcome()).isEqualTo(PollResult.PERMANENT_ERROR);
        assertThat(state.lastError()).contains(server.url("/gone.xml"), "410");
        assertThat(state.nextPollAt()).as("still polled, at the ceiling").isBefore(Instant.now().plus(Duration.ofHours(25)));
        assertThat(meters.counter("newsradar.ingest.polls", "outcome", "permanent_error").count()).isEqualTo(20);
    }

    @Test
    void anHtmlPageServedAsAFeedIsAPermanentErrorThatSaysSo() {
        server.route("/page").body("text/html", "<html><head><title>Trang chủ</title></head><body><p>Tin</p></body></html>");
        FeedSpec feed = FeedSpec.of("html", server.url("/page"), "vi");

        PollResult result = poller().poll(feed, FeedState.initial("html"));

        assertThat(result.outcome()).isEqualTo(PollResult.PERMANENT_ERROR);
        assertThat(result.state().lastError()).contains(server.url("/page"));
        assertThat(published).isEmpty();
    }

    @Test
    void usesTheGuidWhenAnItemHasNoLinkAndSkipsAnItemWithNeither() throws Exception {
        server.route("/desk.xml").body("application/rss+xml", FeedParserFixtures.read("rss2-items-without-link.xml"));
        FeedSpec feed = FeedSpec.of("desk", server.url("/desk.xml"), "en");

        poller().poll(feed, FeedState.initial("desk"));

        assertThat(published).singleElement().satisfies(article -> {
            assertThat(article.articleId()).isEqualTo(ArticleId.ofItem("desk", null, "labour-desk-2026-0042"));
            assertThat(article.url()).isNull();
            assertThat(article.title()).startsWith("Technical intern quotas");
        });
    }

    @Test
    void aPollThatDiesWithAnErrorEndsAsAFailureWithBackoffThatNamesIt() {
        server.route("/any.xml").body("application/rss+xml", RssFeed.channel("T", "https://example.vn/", "vi")
                .item("A", "https://example.vn/a", "x", null).toXml());
        FeedSpec feed = FeedSpec.of("dies", server.url("/any.xml"), "vi");
        FeedParser dying = new FeedParser() {
            @Override
            public ParsedFeed parse(URI source, byte[] document, String contentType) {
                throw new StackOverflowError();
            }
        };

        PollResult result = poller(dying).poll(feed, FeedState.initial("dies"));

        assertThat(result.outcome()).isEqualTo(PollResult.PERMANENT_ERROR);
        assertThat(result.state().lastPolledAt()).as("polled, not 'never polled'").isNotNull();
        assertThat(result.state().consecutiveFailures()).isEqualTo(1);
        assertThat(result.state().nextPollAt()).as("backed off").isAfter(Instant.now().plusSeconds(30));
        assertThat(result.state().lastError()).contains(server.url("/any.xml"), "java.lang.StackOverflowError");
        assertThat(published).isEmpty();
    }

    @Test
    void aFeedNestedTooDeepToParseIsAPermanentFailureNamingTheDepthLimit() {
        String deep = "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>D</title><id>urn:d</id>"
                + "<updated>2026-11-20T00:00:00Z</updated><entry><title>One</title><id>urn:d:1</id>"
                + "<updated>2026-11-20T00:00:00Z</updated><content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">"
                + "<div>".repeat(20_000) + "x" + "</div>".repeat(20_000) + "</div></content></entry></feed>";
        server.route("/deep.xml").body("application/atom+xml", deep);
        FeedSpec feed = FeedSpec.of("deep", server.url("/deep.xml"), "en");

        PollResult result = poller().poll(feed, FeedState.initial("deep"));

        assertThat(result.outcome()).isEqualTo(PollResult.PERMANENT_ERROR);
        assertThat(result.state().lastError()).contains(server.url("/deep.xml"), "more than 256 deep", "max-xml-depth");
        assertThat(result.state().nextPollAt()).isAfter(Instant.now().plusSeconds(30));
    }

    @Test
    void aFeedOfTensOfThousandsOfItemsPublishesTheFirstOnesOnceAndSavesAStateThatFitsItsRecord() {
        RssFeed rss = RssFeed.channel("Huge", "https://huge.example/", "en");
        for (int i = 30_000; i > 0; i--) {
            rss.item("Story " + i, "https://huge.example/a/" + i, "Lead " + i, Instant.parse("2026-11-01T00:00:00Z").plusSeconds(i));
        }
        server.route("/huge.xml").body("application/rss+xml", rss.toXml());
        FeedSpec feed = FeedSpec.of("huge", server.url("/huge.xml"), "en");
        FeedPoller poller = poller(new FeedParser(new FeedParser.Limits(Duration.ofSeconds(60), 256, 1_000)));

        PollResult first = poller.poll(feed, FeedState.initial("huge"));
        PollResult afterRestart = poller.poll(feed, first.state());

        assertThat(first.outcome()).isEqualTo(PollResult.FETCHED);
        assertThat(first.published()).isEqualTo(1_000);
        assertThat(first.state().recent()).hasSize(1_000);
        assertThat(first.state().limitsApplied()).containsExactly(
                "read the first 1000 of 30000 items of the document (newsradar.ingest.items.max-per-document)");
        assertThat(JsonMapper.builder().build().writeValueAsBytes(first.state()).length).isLessThan(200_000);
        assertThat(afterRestart.published()).as("nothing republished").isZero();
        assertThat(published).hasSize(1_000);
    }

    @Test
    void aFeedUrlsPasswordReachesNeitherTheLogNorTheState() {
        server.route("/private/missing.xml").body("text/plain", "no").status(404);
        server.route("/private/page.html").body("text/html", "<html><body><p>Not a feed</p></body></html>");
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(logs);
        List<FeedState> states = new ArrayList<>();
        try {
            for (String path : List.of("/private/missing.xml", "/private/page.html")) {
                String url = server.url(path).replace("://", "://reader:hunter2-s3cret@");
                states.add(poller().poll(FeedSpec.of("private", url, "en"), FeedState.initial("private")).state());
            }
        } finally {
            root.detachAppender(logs);
        }

        assertThat(states).allSatisfy(state -> assertThat(state.lastError()).isNotNull().doesNotContain("hunter2-s3cret"));
        assertThat(logs.list).isNotEmpty().allSatisfy(event -> assertThat(event.getFormattedMessage()
                + (event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage())).doesNotContain("hunter2-s3cret"));
    }

    private FeedPoller poller() {
        return poller(new FeedParser(Duration.ofSeconds(5)));
    }

    private FeedPoller poller(FeedParser parser) {
        IngestMetrics metrics = new IngestMetrics(meters);
        Clock clock = Clock.systemUTC();
        PollTiming timing = new PollTiming(new PollTiming.Settings(Duration.ofMinutes(5), Duration.ofMinutes(1),
                Duration.ofHours(1), 0, Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofHours(24)), new Random(1));
        ItemPublisher items = new ItemPublisher(fetcher, new ArticleExtractor(), article -> kafka.publish(article), metrics, clock, 100);
        return new FeedPoller(fetcher, parser, items, timing, metrics, clock);
    }
}
