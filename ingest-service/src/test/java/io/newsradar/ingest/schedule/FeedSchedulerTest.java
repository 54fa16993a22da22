package io.newsradar.ingest.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsradar.contracts.FeedSpec;
import io.newsradar.contracts.FeedState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FeedSchedulerTest {

    private final ExecutorService workers = Executors.newFixedThreadPool(4);
    private final List<FeedState> saved = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    /** A poller that answers "not modified" after an optional wait, due again at once. */
    private static final class ScriptedPoller extends FeedPoller {
        final AtomicInteger polls = new AtomicInteger();
        final AtomicInteger concurrent = new AtomicInteger();
        final AtomicInteger maxConcurrent = new AtomicInteger();
        volatile CountDownLatch gate = new CountDownLatch(0);
        volatile String outcome = PollResult.NOT_MODIFIED;

        ScriptedPoller() {
            super(null, null, null, null, null, Clock.systemUTC());
        }

        @Override
        public PollResult poll(FeedSpec feed, FeedState state) {
            maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            try {
                gate.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                concurrent.decrementAndGet();
            }
            polls.incrementAndGet();
            return new PollResult(new FeedState(1, feed.feedId(), "\"e\"", null, List.of(), Instant.now(), Instant.now(),
                    Instant.now(), null, 0, false, outcome, null, List.of()), outcome, 0, 0);
        }
    }

    @Test
    void neverPollsAFeedTwiceAtOnceAndSkipsDisabledFeeds() throws Exception {
        ScriptedPoller poller = new ScriptedPoller();
        poller.gate = new CountDownLatch(1);
        FeedScheduler scheduler = new FeedScheduler(poller, saved::add, workers, Clock.systemUTC(), Duration.ofMinutes(15));
        scheduler.assign(FeedSpec.of("a", "https://a.example/rss", "en"), null);
        scheduler.assign(new FeedSpec(1, "off", "https://b.example/rss", null, "en", null, false, false), null);

        for (int i = 0; i < 5; i++) {
            scheduler.pollDueFeeds();
        }
        poller.gate.countDown();
        awaitIdle(scheduler, poller, 1);

        assertThat(poller.maxConcurrent.get()).isEqualTo(1);
        assertThat(poller.polls.get()).isEqualTo(1);
        assertThat(saved).extracting(FeedState::feedId).containsExactly("a");
    }

    @Test
    void anUnchangedStateIsSavedOnceAndThenOnlyAtTheHeartbeat() throws Exception {
        ScriptedPoller poller = new ScriptedPoller();
        FeedScheduler scheduler = new FeedScheduler(poller, saved::add, workers, Clock.systemUTC(), Duration.ofHours(1));
        scheduler.assign(FeedSpec.of("a", "https://a.example/rss", "en"), null);

        for (int i = 1; i <= 5; i++) {
            scheduler.pollDueFeeds();
            awaitIdle(scheduler, poller, i);
        }

        assertThat(poller.polls.get()).isEqualTo(5);
        assertThat(saved).as("the first poll's state only: the other four changed nothing but times").hasSize(1);
    }

    @Test
    void releasingAFeedWaitsForItsPollInFlightToSaveItsState() throws Exception {
        ScriptedPoller poller = new ScriptedPoller();
        poller.gate = new CountDownLatch(1);
        FeedScheduler scheduler = new FeedScheduler(poller, saved::add, workers, Clock.systemUTC(), Duration.ofMinutes(15));
        scheduler.assign(FeedSpec.of("a", "https://a.example/rss", "en"), null);
        scheduler.pollDueFeeds();
        while (poller.concurrent.get() == 0) {
            Thread.sleep(5);
        }

        workers.execute(() -> {
            sleep(200);
            poller.gate.countDown();
        });
        scheduler.release(List.of("a"), Duration.ofSeconds(5));

        assertThat(saved).as("saved before release returned").hasSize(1);
        assertThat(scheduler.owns("a")).isFalse();
        assertThat(scheduler.pollDueFeeds()).isZero();
    }

    @Test
    void aFeedWhoseUrlChangesForgetsTheValidatorsOfTheOldUrl() {
        FeedScheduler scheduler = new FeedScheduler(new ScriptedPoller(), saved::add, workers, Clock.systemUTC(), Duration.ofMinutes(15));
        scheduler.assign(FeedSpec.of("a", "https://a.example/rss", "en"), new FeedState(1, "a", "\"old\"", "Mon, 30 Nov 2026 08:00:00 GMT",
                List.of(), null, null, Instant.now().plusSeconds(600), Duration.ofMinutes(10), 0, false, "fetched", null, List.of()));

        scheduler.assign(FeedSpec.of("a", "https://a.example/atom", "en"), null);

        assertThat(scheduler.state("a").etag()).isNull();
        assertThat(scheduler.state("a").lastModified()).isNull();
        assertThat(scheduler.state("a").nextPollAt()).as("due now").isNull();
    }

    @Test
    void aStateWhoseSaveFailedIsSavedByTheNextPollEvenIfThatPollChangedNothing() throws Exception {
        ScriptedPoller poller = new ScriptedPoller();
        AtomicInteger attempts = new AtomicInteger();
        MovableClock clock = new MovableClock();
        FeedScheduler scheduler = new FeedScheduler(poller, state -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("Kafka is unavailable");
            }
            saved.add(state);
        }, workers, clock, Duration.ofHours(1));
        scheduler.assign(FeedSpec.of("a", "https://a.example/rss", "en"), null);

        scheduler.pollDueFeeds();
        awaitIdle(scheduler, poller, 1);
        int whileBackingOff = scheduler.pollDueFeeds();
        clock.advance(Duration.ofSeconds(31));
        scheduler.pollDueFeeds();
        awaitIdle(scheduler, poller, 2);

        assertThat(whileBackingOff).as("a failed poll or save backs off").isZero();
        assertThat(attempts.get()).isEqualTo(2);
        assertThat(saved).hasSize(1);
    }

    @Test
    void aPollThatThrowsAnErrorIsSavedAsTheFeedsFailureWithBackoff() throws Exception {
        PollTiming timing = new PollTiming(new PollTiming.Settings(Duration.ofMinutes(5), Duration.ofMinutes(1),
                Duration.ofHours(1), 0, Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofHours(24)), new Random(1));
        AtomicInteger polls = new AtomicInteger();
        FeedPoller dying = new FeedPoller(null, null, null, timing, new IngestMetrics(new SimpleMeterRegistry()),
                Clock.systemUTC()) {
            @Override
            public PollResult poll(FeedSpec feed, FeedState state) {
                polls.incrementAndGet();
                throw new NoClassDefFoundError("org/example/Missing");
            }
        };
        FeedScheduler scheduler = new FeedScheduler(dying, saved::add, workers, Clock.systemUTC(), Duration.ofMinutes(15));
        scheduler.assign(FeedSpec.of("a", "https://user:hunter2@a.example/rss", "en"), null);

        scheduler.pollDueFeeds();
        Instant deadline = Instant.now().plusSeconds(5);
        while ((polls.get() == 0 || scheduler.inFlightCount() > 0) && Instant.now().isBefore(deadline)) {
            Thread.sleep(5);
        }

        assertThat(saved).singleElement().satisfies(state -> {
            assertThat(state.lastOutcome()).isEqualTo(PollResult.PERMANENT_ERROR);
            assertThat(state.consecutiveFailures()).isEqualTo(1);
            assertThat(state.lastPolledAt()).isNotNull();
            assertThat(state.nextPollAt()).isAfter(Instant.now().plusSeconds(30));
            assertThat(state.lastError()).contains("java.lang.NoClassDefFoundError", "org/example/Missing")
                    .contains("user:***@a.example").doesNotContain("hunter2");
        });
        assertThat(scheduler.pollDueFeeds()).as("backing off").isZero();
    }

    private static final class MovableClock extends Clock {
        private volatile Duration offset = Duration.ZERO;

        void advance(Duration by) {
            offset = offset.plus(by);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** Until {@code n} polls have run and none is in flight (its state saved). */
    private static void awaitIdle(FeedScheduler scheduler, ScriptedPoller poller, int n) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(5);
        while ((poller.polls.get() < n || scheduler.inFlightCount() > 0) && Instant.now().isBefore(deadline)) {
            Thread.sleep(5);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
