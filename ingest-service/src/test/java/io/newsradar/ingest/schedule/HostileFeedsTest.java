package io.newsradar.ingest.schedule;

import static io.newsradar.ingest.schedule.HostileCorpus.MAX_BODY;
import static io.newsradar.ingest.schedule.HostileCorpus.MAX_DECODED;
import static io.newsradar.ingest.schedule.HostileCorpus.SECRET;
import static io.newsradar.ingest.schedule.HostileCorpus.TOTAL_TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsradar.contracts.FeedSpec;
import io.newsradar.contracts.FeedState;
import io.newsradar.contracts.RawArticle;
import io.newsradar.ingest.extract.ArticleExtractor;
import io.newsradar.ingest.fetch.FeedFetcher;
import io.newsradar.ingest.fetch.FetchSettings;
import io.newsradar.ingest.parse.FeedParser;
import io.newsradar.ingest.schedule.HostileCorpus.Good;
import io.newsradar.ingest.schedule.HostileCorpus.Hostile;
import io.newsradar.ingest.schedule.HostileCorpus.Ssrf;
import io.newsradar.testsupport.FeedServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile-feed promise, at the level of the scheduler: each bad case ends in a clear error and a feed state that
 * says so, within its time bound, and the other feeds keep being polled.
 *
 * <p>Given one scheduler (real poller, fetcher and parser, short limits) owning three good feeds, three feeds that
 * test deduplication and conditional GETs, and the hostile corpus, all on a loopback {@link FeedServer} (so private
 * networks are allowed), and a second scheduler whose fetcher refuses private networks owning the SSRF table;
 * when both are polled for {@link #RUN}; then each feed's last saved state says what happened to it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileFeedsTest {

    private static final Duration RUN = Duration.ofSeconds(6);
    /** Generous: the 2 s total fetch time plus room for a loaded build machine. */
    private static final Duration POLL_BOUND = Duration.ofSeconds(6);

    /** A state as the sink received it. */
    record Saved(FeedState state, Instant at) {
    }

    private final FeedServer server = FeedServer.start();
    private final List<RawArticle> published = new CopyOnWriteArrayList<>();
    private final List<Saved> saved = new CopyOnWriteArrayList<>();
    private final Map<String, FeedState> last = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newFixedThreadPool(8);
    // 8 connections per host, one per worker: every feed here is on the one loopback host, where each publisher would
    // have its own host in production (and a slow one would only hold up its own feeds at the per-host cap).
    private final FetchSettings guardedSettings = new FetchSettings("newsradar-test/1 (hostile feeds)", Duration.ofSeconds(1),
            Duration.ofSeconds(3), TOTAL_TIMEOUT, MAX_BODY, MAX_DECODED, 5, false, 8, 16);
    private final FeedFetcher trustingFetcher = new FeedFetcher(guardedSettings.allowingPrivateNetworks());
    private final FeedFetcher guardedFetcher = new FeedFetcher(guardedSettings);
    private Path secretFile;
    private List<Hostile> hostile;
    private List<Ssrf> ssrf;
    private List<Good> good;
    private final List<String> changed = new ArrayList<>();
    private Instant started;

    @BeforeAll
    void pollTheWholeCorpusForAFewSeconds() throws Exception {
        secretFile = Files.createTempFile("hostile-feeds-secret", ".txt");
        Files.writeString(secretFile, SECRET);
        hostile = HostileCorpus.hostile(server, secretFile);
        ssrf = HostileCorpus.ssrf(server);
        good = HostileCorpus.good();
        FeedScheduler trusting = scheduler(trustingFetcher);
        FeedScheduler guarded = scheduler(guardedFetcher);
        for (Good g : good) {
            server.route(g.path()).body("application/rss+xml", fixture(g.fixture()));
            trusting.assign(FeedSpec.of(id(g.path()), server.url(g.path()), null), null);
        }
        server.route("/dedupe/etag.xml").etag("\"v1\"");
        server.route("/dedupe/last-modified.xml").lastModified(Instant.parse("2026-11-20T08:00:00Z"));
        for (Hostile h : hostile) {
            h.serve().accept(server);
            trusting.assign(FeedSpec.of(id(h.path()), server.url(h.path()), "en"), null);
        }
        for (Ssrf s : ssrf) {
            if (s.path() != null) {
                server.route(s.path()).body("application/rss+xml", fixture("rss2-vi-kinh-te.xml"));
            }
            guarded.assign(FeedSpec.of(id(s.name()), s.url(), "vi"), null);
        }

        started = Instant.now();
        Instant end = started.plus(RUN);
        while (Instant.now().isBefore(end)) {
            trusting.pollDueFeeds();
            guarded.pollDueFeeds();
            changeAfterTheFirstPoll(trusting, "/good/en-changing.xml", this::withOneMoreItem);
            changeAfterTheFirstPoll(trusting, "/dedupe/http-to-https.xml", xml -> xml.replace("http://", "https://"));
            Thread.sleep(20);
        }
        Instant idle = Instant.now().plus(POLL_BOUND);
        while ((trusting.inFlightCount() > 0 || guarded.inFlightCount() > 0) && Instant.now().isBefore(idle)) {
            Thread.sleep(20);
        }
    }

    @AfterAll
    void stop() throws IOException {
        workers.shutdownNow();
        trustingFetcher.close();
        guardedFetcher.close();
        server.close();
        Files.deleteIfExists(secretFile);
    }

    Stream<Hostile> hostile() {
        return hostile.stream();
    }

    Stream<Ssrf> ssrf() {
        return ssrf.stream();
    }

    Stream<Good> good() {
        return good.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void aHostileFeedEndsInAStateThatNamesItsUrlAndWhatWentWrong(Hostile h) {
        FeedState state = last.get(id(h.path()));

        assertThat(state).as("a state was saved").isNotNull();
        assertThat(state.lastOutcome()).isEqualTo(h.outcome());
        assertThat(state.lastError()).contains(server.url(h.path())).contains(h.reasons());
        assertThat(state.consecutiveFailures()).isPositive();
        assertThat(state.nextPollAt()).as("still scheduled").isAfter(state.lastPolledAt());
        assertThat(longestPoll(id(h.path()))).isLessThan(POLL_BOUND);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ssrf")
    void aFeedUrlOnAForbiddenAddressIsRefusedBeforeAnyRequest(Ssrf s) {
        FeedState state = last.get(id(s.name()));

        assertThat(state).as("a state was saved").isNotNull();
        assertThat(state.lastOutcome()).isEqualTo(PollResult.REFUSED);
        assertThat(state.lastError()).contains(s.url()).contains(s.reasons());
        assertThat(longestPoll(id(s.name()))).isLessThan(POLL_BOUND);
        if (s.path() != null) {
            assertThat(server.requests(s.path())).as("requests the loopback server received").isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("good")
    void aGoodFeedKeepsBeingPolledAndPublishesEachArticleExactlyOnce(Good g) {
        String feedId = id(g.path());
        FeedState state = last.get(feedId);
        Map<String, Long> timesPublished = published.stream().filter(a -> a.feedId().equals(feedId))
                .collect(Collectors.groupingBy(RawArticle::articleId, Collectors.counting()));

        assertThat(state.lastOutcome()).isEqualTo(g.outcome());
        assertThat(state.lastError()).isNull();
        assertThat(state.failing()).isFalse();
        assertThat(server.requests(g.path())).as("polls").hasSizeGreaterThanOrEqualTo(4);
        assertThat(timesPublished).hasSize(g.articles()).allSatisfy((id, times) -> assertThat(times).as(id).isEqualTo(1));
        assertThat(longestPoll(feedId)).isLessThan(POLL_BOUND);
    }

    @Test
    void conditionalGetsCarryTheValidatorsOfTheFirstAnswer() {
        List<FeedServer.Request> etag = server.requests("/dedupe/etag.xml");
        List<FeedServer.Request> lastModified = server.requests("/dedupe/last-modified.xml");

        assertThat(etag.get(0).ifNoneMatch()).isNull();
        assertThat(etag.subList(1, etag.size())).extracting(FeedServer.Request::ifNoneMatch).containsOnly("\"v1\"");
        assertThat(lastModified.get(0).ifModifiedSince()).isNull();
        assertThat(lastModified.subList(1, lastModified.size())).extracting(FeedServer.Request::ifModifiedSince)
                .containsOnly("Fri, 20 Nov 2026 08:00:00 GMT");
    }

    @Test
    void a429IsNotAskedAgainBeforeItsRetryAfter() {
        FeedState state = last.get(id("/hostile/429.xml"));

        assertThat(state.nextPollAt()).isAfterOrEqualTo(state.lastPolledAt().plusSeconds(120))
                .isAfterOrEqualTo(started.plusSeconds(120));
        assertThat(server.requests("/hostile/429.xml")).hasSize(1);
    }

    @Test
    void fiveRedirectsAreFollowedAndTheSixthTargetIsNeverRequested() {
        assertThat(server.requests("/hostile/hop-5.xml")).isNotEmpty();
        assertThat(server.requests("/hostile/hop-6.xml")).isEmpty();
    }

    @Test
    void aGoneFeedBecomesFailingAndIsStillPolled() {
        List<FeedState> gone = saved.stream().map(Saved::state).filter(s -> s.feedId().equals(id("/hostile/410.xml"))).toList();

        assertThat(last.get(id("/hostile/410.xml")).failing()).isTrue();
        assertThat(gone).filteredOn(FeedState::failing).as("polls once failing").hasSizeGreaterThanOrEqualTo(2);
        assertThat(server.requests("/hostile/410.xml")).hasSize(gone.size());
    }

    @Test
    void theLocalFileNamedByTheXxePayloadReachesNoArticleAndNoState() {
        assertThat(server.requests("/hostile/xxe.xml")).isNotEmpty();
        assertThat(published).allSatisfy(article -> assertThat(article.toString()).doesNotContain(SECRET));
        assertThat(saved).allSatisfy(s -> assertThat(s.state().toString()).doesNotContain(SECRET));
    }

    @Test
    void nothingFromAHostileOrRefusedFeedIsPublished() {
        List<String> goodIds = good.stream().map(g -> id(g.path())).toList();

        assertThat(published).extracting(RawArticle::feedId).allMatch(goodIds::contains);
    }

    private FeedScheduler scheduler(FeedFetcher fetcher) {
        Clock clock = Clock.systemUTC();
        IngestMetrics metrics = new IngestMetrics(new SimpleMeterRegistry());
        // Intervals in milliseconds so a few seconds hold many polls; a 10-minute temporary ceiling leaves room for
        // the 429's Retry-After; the permanent ceiling is reached at the third failure.
        PollTiming timing = new PollTiming(new PollTiming.Settings(Duration.ofMillis(300), Duration.ofMillis(100),
                Duration.ofMillis(500), 0, Duration.ofMillis(100), Duration.ofMinutes(10), Duration.ofMillis(400)),
                new Random(1));
        ItemPublisher items = new ItemPublisher(fetcher, new ArticleExtractor(), published::add, metrics, clock, 100);
        FeedPoller poller = new FeedPoller(fetcher, new FeedParser(TOTAL_TIMEOUT), items, timing, metrics, clock);
        return new FeedScheduler(poller, this::save, workers, clock, Duration.ofMinutes(15));
    }

    private void save(FeedState state) {
        saved.add(new Saved(state, Instant.now()));
        last.put(state.feedId(), state);
    }

    /** From the start of each poll to its state reaching the sink. */
    private Duration longestPoll(String feedId) {
        return saved.stream().filter(s -> s.state().feedId().equals(feedId))
                .map(s -> Duration.between(s.state().lastPolledAt(), s.at()))
                .max(Duration::compareTo).orElseThrow(() -> new AssertionError("feed " + feedId + " saved no state"));
    }

    private void changeAfterTheFirstPoll(FeedScheduler scheduler, String path, UnaryOperator<String> change)
            throws IOException {
        FeedState state = scheduler.state(id(path));
        if (state.lastOutcome() != null && !changed.contains(path)) {
            changed.add(path);
            String fixture = good.stream().filter(g -> g.path().equals(path)).findFirst().orElseThrow().fixture();
            server.route(path).body("application/rss+xml", change.apply(fixture(fixture)));
        }
    }

    private String withOneMoreItem(String xml) {
        return xml.replaceFirst("<item>", """
                <item>
                      <title>A sixth story, published after the first poll</title>
                      <link>https://wire.example.com/a/6</link>
                      <pubDate>Fri, 20 Nov 2026 08:00:00 GMT</pubDate>
                    </item>
                    <item>""");
    }

    /** A feed id from a path or a case name: letters, digits and dashes. */
    private static String id(String text) {
        return text.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private static String fixture(String name) throws IOException {
        return FeedParserFixtures.read(name);
    }
}
