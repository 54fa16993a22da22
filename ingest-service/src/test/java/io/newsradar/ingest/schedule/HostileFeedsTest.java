package io.newsradar.ingest.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsradar.contracts.FeedSpec;
import io.newsradar.contracts.FeedState;
import io.newsradar.contracts.RawArticle;
import io.newsradar.ingest.extract.ArticleExtractor;
import io.newsradar.ingest.fetch.FeedFetcher;
import io.newsradar.ingest.fetch.FetchSettings;
import io.newsradar.ingest.parse.FeedParser;
import io.newsradar.testsupport.FeedServer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
import java.util.function.Consumer;
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

    private static final Duration TOTAL_TIMEOUT = Duration.ofSeconds(2);
    private static final int MAX_BODY = 1 << 20;
    private static final int MAX_DECODED = 2 << 20;
    private static final Duration RUN = Duration.ofSeconds(6);
    /** Generous: the 2 s total fetch time plus room for a loaded build machine. */
    private static final Duration POLL_BOUND = Duration.ofSeconds(6);
    private static final String SECRET = "SECRET-HOSTILE-4b1d7e-NOT-FOR-FEEDS";

    /** A hostile feed: how the server serves it, and how its last poll must end. */
    record Hostile(String name, String path, Consumer<FeedServer> serve, String outcome, List<String> reasons) {

        @Override
        public String toString() {
            return name;
        }
    }

    /** A feed URL the guarded fetcher must refuse before sending anything; {@code path} is on the loopback server. */
    record Ssrf(String name, String url, String path, List<String> reasons) {

        @Override
        public String toString() {
            return name;
        }
    }

    /** A feed that is fine: it must be polled several times and publish each article exactly once. */
    record Good(String name, String path, String fixture, int articles, String outcome) {

        @Override
        public String toString() {
            return name;
        }
    }

    /** A state as the sink received it. */
    record Saved(FeedState state, Instant at) {
    }

    private final FeedServer server = FeedServer.start();
    private final List<RawArticle> published = new CopyOnWriteArrayList<>();
    private final List<Saved> saved = new CopyOnWriteArrayList<>();
    private final Map<String, FeedState> last = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newFixedThreadPool(8);
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
        hostile = hostileCorpus();
        ssrf = ssrfTable();
        good = goodFeeds();
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

    List<Hostile> hostileCorpus() throws IOException {
        String feed = fixture("rss2-vi-kinh-te.xml");
        String malformed = fixture("rss2-malformed.xml");
        String html = fixture("not-a-feed.html");
        String laughs = fixture("rss2-billion-laughs.xml");
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY secret SYSTEM "%s">]>
                <rss version="2.0"><channel><title>&secret;</title><link>https://evil.example/</link>
                <description>&secret;</description><item><title>&secret;</title><link>https://evil.example/1</link>
                <description>&secret;</description></item></channel></rss>
                """.formatted(secretFile.toUri());
        byte[] bomb = FeedServer.gzipOfZeros(100L << 20);
        return List.of(
                hostile("malformed XML", "/hostile/malformed.xml",
                        s -> s.route("/hostile/malformed.xml").body("application/rss+xml", malformed),
                        PollResult.PERMANENT_ERROR, "is not well-formed XML at line 7, column"),
                hostile("an HTML page served as a feed", "/hostile/page.html",
                        s -> s.route("/hostile/page.html").body("application/rss+xml", html),
                        PollResult.PERMANENT_ERROR, "is an HTML page, not a feed"),
                hostile("XXE reading a local file", "/hostile/xxe.xml",
                        s -> s.route("/hostile/xxe.xml").body("application/rss+xml", xxe),
                        PollResult.PERMANENT_ERROR, "declares a DOCTYPE, which is refused"),
                hostile("billion laughs", "/hostile/laughs.xml",
                        s -> s.route("/hostile/laughs.xml").body("application/rss+xml", laughs),
                        PollResult.PERMANENT_ERROR, "declares a DOCTYPE, which is refused"),
                hostile("a gzip bomb (100 MB of zeros)", "/hostile/bomb.xml",
                        s -> s.route("/hostile/bomb.xml").encodedBody("application/rss+xml", bomb, "gzip"),
                        PollResult.REFUSED, "is larger than the " + MAX_DECODED + "-byte limit after decompression (gzip)"),
                hostile("a 100 MB body", "/hostile/huge.xml",
                        s -> s.route("/hostile/huge.xml").hugeBody("application/rss+xml", 100L << 20),
                        PollResult.REFUSED, "is larger than the " + MAX_BODY + "-byte limit (read on the wire)"),
                hostile("a server dripping one byte every 20 ms", "/hostile/drip.xml",
                        s -> s.route("/hostile/drip.xml").drip("application/rss+xml", feed.getBytes(StandardCharsets.UTF_8),
                                Duration.ofMillis(20)),
                        PollResult.TEMPORARY_ERROR, "took longer than the 2 s total time limit while reading the body"),
                hostile("a server answering after the total time", "/hostile/late.xml",
                        s -> s.route("/hostile/late.xml").body("application/rss+xml", feed).delay(Duration.ofSeconds(4)),
                        PollResult.TEMPORARY_ERROR,
                        "took longer than the 2 s total time limit while connecting or waiting for the answer"),
                hostile("a redirect loop", "/hostile/loop-a.xml", s -> {
                    s.route("/hostile/loop-a.xml").redirect(302, "/hostile/loop-b.xml");
                    s.route("/hostile/loop-b.xml").redirect(301, "/hostile/loop-a.xml");
                }, PollResult.REFUSED, "redirect loop: " + server.url("/hostile/loop-a.xml") + " → "
                        + server.url("/hostile/loop-b.xml") + " → " + server.url("/hostile/loop-a.xml")),
                hostile("more than 5 redirects", "/hostile/hop-0.xml", s -> {
                    for (int i = 0; i < 7; i++) {
                        s.route("/hostile/hop-" + i + ".xml").redirect(302, "/hostile/hop-" + (i + 1) + ".xml");
                    }
                }, PollResult.REFUSED, "redirected more than 5 times"),
                hostile("429 with Retry-After: 120", "/hostile/429.xml",
                        s -> s.route("/hostile/429.xml").body("application/rss+xml", feed).status(429).header("Retry-After", "120"),
                        PollResult.TEMPORARY_ERROR, "answered HTTP 429 Too Many Requests; it asks to retry after 120 s"),
                hostile("503", "/hostile/503.xml", s -> s.route("/hostile/503.xml").body("application/rss+xml", feed).status(503),
                        PollResult.TEMPORARY_ERROR, "answered HTTP 503 Service Unavailable"),
                hostile("404", "/hostile/404.xml", s -> s.route("/hostile/404.xml").status(404),
                        PollResult.PERMANENT_ERROR, "answered HTTP 404 Not Found"),
                hostile("410", "/hostile/410.xml", s -> s.route("/hostile/410.xml").body("application/rss+xml", feed).status(410),
                        PollResult.PERMANENT_ERROR, "answered HTTP 410 Gone"));
    }

    List<Ssrf> ssrfTable() {
        int port = URI.create(server.url("/")).getPort();
        return List.of(
                new Ssrf("loopback, the real feed server", "http://127.0.0.1:" + port + "/ssrf/loopback.xml", "/ssrf/loopback.xml",
                        List.of("127.0.0.1 is a loopback address")),
                new Ssrf("IPv6 loopback", "http://[::1]:" + port + "/ssrf/ipv6.xml", "/ssrf/ipv6.xml",
                        List.of("0:0:0:0:0:0:0:1 is a loopback address")),
                new Ssrf("loopback as one decimal number", "http://2130706433:" + port + "/ssrf/decimal.xml", "/ssrf/decimal.xml",
                        List.of("host 2130706433 is 127.0.0.1 written as a number", "127.0.0.1 is a loopback address")),
                new Ssrf("loopback as one hex number", "http://0x7f000001:" + port + "/ssrf/hex.xml", "/ssrf/hex.xml",
                        List.of("host 0x7f000001 is 127.0.0.1 written as a number", "127.0.0.1 is a loopback address")),
                new Ssrf("IPv4-mapped IPv6 loopback", "http://[::ffff:127.0.0.1]:" + port + "/ssrf/mapped.xml", "/ssrf/mapped.xml",
                        List.of("127.0.0.1 is a loopback address")),
                new Ssrf("private network", "http://10.0.0.1/", null, List.of("10.0.0.1 is a private network address")),
                new Ssrf("cloud metadata", "http://169.254.169.254/latest/meta-data/", null,
                        List.of("169.254.169.254 is a link-local address")),
                new Ssrf("carrier-grade NAT", "http://100.64.0.1/", null, List.of("100.64.0.1 is a carrier-grade NAT address")),
                new Ssrf("unique local IPv6", "http://[fc00::1]/", null, List.of("fc00:0:0:0:0:0:0:1 is a unique local address")));
    }

    List<Good> goodFeeds() {
        return List.of(
                new Good("vi: RSS 2.0", "/good/vi.xml", "rss2-vi-kinh-te.xml", 2, PollResult.FETCHED),
                new Good("en: RSS 2.0 that gains an item after the first poll", "/good/en-changing.xml",
                        "rss2-en-ttl-and-dates.xml", 6, PollResult.FETCHED),
                new Good("fr: Atom", "/good/fr.xml", "atom-fr-monde.xml", 1, PollResult.FETCHED),
                new Good("links and GUIDs move from http to https", "/dedupe/http-to-https.xml", "rss2-en-http-links.xml", 3,
                        PollResult.FETCHED),
                new Good("ETag: 304 after the first poll", "/dedupe/etag.xml", "rss2-vi-kinh-te.xml", 2,
                        PollResult.NOT_MODIFIED),
                new Good("Last-Modified: 304 after the first poll", "/dedupe/last-modified.xml", "atom-fr-monde.xml", 1,
                        PollResult.NOT_MODIFIED));
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

    private static Hostile hostile(String name, String path, Consumer<FeedServer> serve, String outcome, String... reasons) {
        return new Hostile(name, path, serve, outcome, List.of(reasons));
    }

    /** A feed id from a path or a case name: letters, digits and dashes. */
    private static String id(String text) {
        return text.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private static String fixture(String name) throws IOException {
        return FeedParserFixtures.read(name);
    }
}
