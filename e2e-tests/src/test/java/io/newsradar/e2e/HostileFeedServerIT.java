package io.newsradar.e2e;

import static io.newsradar.e2e.PipelineFixtures.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.contracts.FeedState;
import io.newsradar.ingest.feed.FeedStateStore;
import io.newsradar.ingest.schedule.HostileCorpus;
import io.newsradar.ingest.schedule.HostileCorpus.Hostile;
import io.newsradar.ingest.schedule.PollResult;
import io.newsradar.testsupport.FeedServer;
import io.newsradar.testsupport.TestServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The pipeline while a feed server turns hostile. One {@link FeedServer} serves three good feeds (vi, en, fr) that
 * gain an item every second beside ingest-service's hostile corpus ({@link HostileCorpus}: a billion laughs, an XXE
 * payload, a gzip bomb, a 100 MB body, a dripping server, one that answers too late, redirect loops, 4xx and 5xx, an
 * HTML page and malformed XML) and three cases more: garbage bytes, a server that never answers, a redirect to the
 * cloud metadata address. ingest, classify and index run on the shared broker and node.
 *
 * <p>Given the good feeds polled every second and the hostile ones backing off, when both are polled for {@link #RUN};
 * then every good item is indexed exactly once, the good feeds were polled at their rate all along, and each hostile
 * feed's state in {@code news.feed-state} names its failure while none of them produced an article.
 */
@Tag("faults")
class HostileFeedServerIT {

    private static final Duration RUN = Duration.ofSeconds(20);
    private static final Duration GOOD_INTERVAL = Duration.ofSeconds(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);

    private static FeedServer server;
    private static RunningServices services;
    private static ConfigurableApplicationContext ingest;
    private static Path secretFile;
    private static List<Hostile> hostile;
    private static final List<GrowingFeed> good = new ArrayList<>();
    private static final Map<String, Integer> goodPolls = new HashMap<>();
    private static Duration ran;

    @BeforeAll
    static void pollGoodAndHostileFeedsTogether() throws Exception {
        server = FeedServer.start();
        secretFile = Files.createTempFile("hostile-feed-server-secret", ".txt");
        Files.writeString(secretFile, HostileCorpus.SECRET);
        hostile = new ArrayList<>(HostileCorpus.hostile(server, secretFile));
        hostile.addAll(beyondTheCorpus());
        hostile.forEach(h -> h.serve().accept(server));
        good.add(GrowingFeed.serve(server, "good-vi-" + SUFFIX, "vi", "Hàn Quốc đầu tư vào Bắc Ninh, dự án số %d"));
        good.add(GrowingFeed.serve(server, "good-en-" + SUFFIX, "en", "Japan funds a new training centre in Vietnam, part %d"));
        good.add(GrowingFeed.serve(server, "good-fr-" + SUFFIX, "fr", "La France finance une école au Vietnam, épisode %d"));

        services = new RunningServices(TestServers.kafka().bootstrapServers());
        services.classify();
        services.index();
        ingest = services.ingest(ingestArguments().toArray(String[]::new));

        ScheduledExecutorService growth = Executors.newSingleThreadScheduledExecutor();
        Instant started = Instant.now();
        Map<String, Integer> before = new HashMap<>();
        good.forEach(g -> before.put(g.feedId(), g.requests()));
        growth.scheduleAtFixedRate(() -> good.forEach(GrowingFeed::grow), 1, 1, TimeUnit.SECONDS);
        try {
            Thread.sleep(RUN.toMillis());
        } finally {
            growth.shutdown();
            growth.awaitTermination(10, TimeUnit.SECONDS);
        }
        ran = Duration.between(started, Instant.now());
        good.forEach(g -> goodPolls.put(g.feedId(), g.requests() - before.get(g.feedId())));
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (services != null) {
            services.close();
        }
        if (server != null) {
            server.close();
        }
        if (secretFile != null) {
            Files.deleteIfExists(secretFile);
        }
    }

    static Stream<Hostile> hostile() {
        return hostile.stream();
    }

    @Test
    void everyGoodItemIsIndexedExactlyOnce() throws Exception {
        List<String> feedIds = good.stream().map(GrowingFeed::feedId).toList();
        List<String> served = good.stream().flatMap(g -> g.articleIds().stream()).toList();

        await(() -> services.indexedIds(feedIds).containsAll(served), "the " + served.size() + " good items to be indexed", TIMEOUT);

        assertThat(services.indexedIds(feedIds)).isEqualTo(Set.copyOf(served));
        assertThat(services.documentsOf(feedIds)).isEqualTo(served.size());
    }

    @Test
    void goodFeedsArePolledAtTheirIntervalWhileHostileFeedsAreServed() {
        // A lower bound with room for a loaded machine: half the polls the interval allows in the run.
        long expected = ran.toMillis() / GOOD_INTERVAL.toMillis() / 2;

        assertThat(goodPolls).as("requests of each good feed in %d s", ran.toSeconds())
                .hasSize(good.size()).allSatisfy((feed, polls) -> assertThat(polls).as(feed).isGreaterThanOrEqualTo((int) expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void aHostileFeedEndsInAFailureStateAndProducesNoArticle(Hostile h) throws Exception {
        String feedId = id(h.path());
        FeedStateStore states = ingest.getBean(FeedStateStore.class);
        await(() -> failed(states.read(Set.of(feedId)).get(feedId)), "a failure state for feed " + feedId, TIMEOUT);
        FeedState state = states.read(Set.of(feedId)).get(feedId);

        assertThat(state.lastOutcome()).isEqualTo(h.outcome());
        assertThat(state.lastError()).contains(server.url(h.path())).contains(h.reasons()).doesNotContain(HostileCorpus.SECRET);
        assertThat(state.consecutiveFailures()).isPositive();
        assertThat(state.recent()).as("articles published").isEmpty();
        assertThat(server.requests(h.path())).as("requests").isNotEmpty();
        assertThat(services.documentsOf(List.of(feedId))).as("documents of feed %s", feedId).isZero();
    }

    /** Three more a hostile server does that the scheduler-level corpus leaves out. */
    private static List<Hostile> beyondTheCorpus() {
        byte[] garbage = new byte[8192];
        new Random(7).nextBytes(garbage);
        return List.of(
                new Hostile("garbage bytes served as a feed", "/hostile/garbage.xml",
                        s -> s.route("/hostile/garbage.xml").body("application/rss+xml", garbage),
                        PollResult.PERMANENT_ERROR, List.of("is not well-formed XML")),
                new Hostile("a server that never answers", "/hostile/hang.xml",
                        s -> s.route("/hostile/hang.xml").body("application/rss+xml", "<rss/>").delay(Duration.ofMinutes(10)),
                        PollResult.TEMPORARY_ERROR,
                        List.of("took longer than the 2 s total time limit while connecting or waiting for the answer")),
                // Refused before any connection even with private networks allowed, as the loopback feeds need:
                // link-local addresses, where cloud metadata answers, are never fetched.
                new Hostile("a redirect to the cloud metadata address", "/hostile/metadata.xml",
                        s -> s.route("/hostile/metadata.xml").redirect(302, "http://169.254.169.254/latest/meta-data/"),
                        PollResult.REFUSED, List.of("169.254.169.254 is a link-local address")));
    }

    private static boolean failed(FeedState state) {
        return state != null && state.lastOutcome() != null
                && !state.lastOutcome().equals(PollResult.FETCHED) && !state.lastOutcome().equals(PollResult.NOT_MODIFIED);
    }

    private static List<String> ingestArguments() {
        List<String> args = new ArrayList<>(List.of(
                // The limits HostileCorpus's expected errors name.
                "--newsradar.ingest.fetch.connect-timeout=1s",
                "--newsradar.ingest.fetch.read-timeout=3s",
                "--newsradar.ingest.fetch.total-timeout=" + HostileCorpus.TOTAL_TIMEOUT.toSeconds() + "s",
                "--newsradar.ingest.fetch.max-body-size=" + HostileCorpus.MAX_BODY + "B",
                "--newsradar.ingest.fetch.max-decoded-size=" + HostileCorpus.MAX_DECODED + "B",
                // Every feed here is on one loopback host; each publisher would have a host of its own in production,
                // and a hostile one would only hold up its own feeds at the per-host cap.
                "--newsradar.ingest.fetch.max-connections-per-host=8",
                "--newsradar.ingest.fetch.max-connections-total=16",
                // Hostile feeds come back within seconds, so they keep pressing on the fetcher through the run.
                "--newsradar.ingest.polling.backoff-initial=500ms",
                "--newsradar.ingest.polling.temporary-backoff-max=2s",
                "--newsradar.ingest.polling.permanent-backoff-max=2s"));
        int index = 0;
        for (GrowingFeed g : good) {
            args.addAll(g.ingestArguments(index++, "poll-interval=" + GOOD_INTERVAL.toMillis() + "ms"));
        }
        for (Hostile h : hostile) {
            String i = "--newsradar.ingest.feeds[" + index++ + "].";
            args.addAll(List.of(i + "feed-id=" + id(h.path()), i + "url=" + server.url(h.path()), i + "language-hint=en"));
        }
        return args;
    }

    /** A feed id from a path: letters, digits and dashes, unique to this run. */
    private static String id(String path) {
        return path.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "") + "-" + SUFFIX;
    }
}
