package io.newsradar.ingest.schedule;

import io.newsradar.contracts.FeedSpec;
import io.newsradar.contracts.FeedState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feeds this instance owns, each with its state, polled when due on a bounded pool of workers (the overall cap on
 * concurrent polls; the fetcher caps requests per host). A feed is never polled twice at once. The feed registry
 * assigns and releases feeds as partitions of {@code news.feeds} move between instances; a released feed's poll in
 * flight is waited for, so its state is saved before the new owner reads it.
 */
public class FeedScheduler {

    private static final Logger log = LoggerFactory.getLogger(FeedScheduler.class);

    private final FeedPoller poller;
    private final Consumer<FeedState> stateSink;
    private final ExecutorService workers;
    private final Clock clock;
    private final Duration stateHeartbeat;
    private final Map<String, Owned> feeds = new ConcurrentHashMap<>();

    /**
     * @param stateSink      where each poll's state goes ({@code news.feed-state}); it returns once the state is durable
     * @param stateHeartbeat an unchanged state (a 304) is still saved this often, so the health others see stays fresh
     */
    public FeedScheduler(FeedPoller poller, Consumer<FeedState> stateSink, ExecutorService workers, Clock clock,
            Duration stateHeartbeat) {
        this.poller = poller;
        this.stateSink = stateSink;
        this.workers = workers;
        this.clock = clock;
        this.stateHeartbeat = stateHeartbeat;
    }

    /** Takes a feed on, with the state its previous owner left, or updates its spec if it is already owned. */
    public void assign(FeedSpec spec, FeedState state) {
        feeds.compute(spec.feedId(), (id, owned) -> {
            if (owned == null) {
                return new Owned(spec, state == null ? FeedState.initial(id) : state);
            }
            if (!owned.spec.url().equals(spec.url())) {
                // Validators and timing belong to the old URL.
                FeedState s = owned.state;
                owned.state = new FeedState(s.schemaVersion(), id, null, null, s.recent(), s.lastPolledAt(),
                        s.lastSuccessAt(), null, 0, false, s.lastOutcome(), null);
            }
            owned.spec = spec;
            return owned;
        });
    }

    /** Whether the feed is owned here. */
    public boolean owns(String feedId) {
        return feeds.containsKey(feedId);
    }

    /** Stops polling these feeds, after waiting (up to {@code timeout}) for a poll in flight to save its state. */
    public void release(Collection<String> feedIds, Duration timeout) {
        Instant deadline = clock.instant().plus(timeout);
        for (String id : feedIds) {
            Owned owned = feeds.remove(id);
            if (owned == null) {
                continue;
            }
            synchronized (owned) {
                while (owned.inFlight && clock.instant().isBefore(deadline)) {
                    try {
                        owned.wait(Math.max(1, Duration.between(clock.instant(), deadline).toMillis()));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    /** Starts a poll of every enabled feed that is due and not being polled. */
    public int pollDueFeeds() {
        Instant now = clock.instant();
        int started = 0;
        for (Owned owned : feeds.values()) {
            synchronized (owned) {
                if (owned.inFlight || !owned.spec.enabled() || !owned.due(now)) {
                    continue;
                }
                owned.inFlight = true;
            }
            try {
                workers.execute(() -> run(owned));
                started++;
            } catch (RejectedExecutionException e) {
                synchronized (owned) {
                    owned.inFlight = false;
                }
                break;
            }
        }
        return started;
    }

    /** The current state of an owned feed, or {@code null}. */
    public FeedState state(String feedId) {
        Owned owned = feeds.get(feedId);
        return owned == null ? null : owned.state;
    }

    public List<FeedSpec> ownedFeeds() {
        return feeds.values().stream().map(o -> o.spec).toList();
    }

    public int ownedCount() {
        return feeds.size();
    }

    /** Polls running now, state saving included. */
    public int inFlightCount() {
        return (int) feeds.values().stream().filter(o -> o.inFlight).count();
    }

    public int failingCount() {
        return (int) feeds.values().stream().filter(o -> o.state.failing()).count();
    }

    private void run(Owned owned) {
        FeedSpec spec = owned.spec;
        try {
            PollResult result = poller.poll(spec, owned.state);
            FeedState previous = owned.state;
            owned.state = result.state();
            if (worthSaving(previous, result.state(), owned)) {
                stateSink.accept(result.state());
                owned.savedAt = clock.instant();
            }
        } catch (RuntimeException e) {
            log.atError().addKeyValue("feedId", spec.feedId()).setCause(e)
                    .log("feed {}: the poll or saving its state failed; it will be polled again", spec.feedId());
            owned.retryAt = clock.instant().plusSeconds(30);
        } finally {
            synchronized (owned) {
                owned.inFlight = false;
                owned.notifyAll();
            }
        }
    }

    private boolean worthSaving(FeedState before, FeedState after, Owned owned) {
        boolean sameButTimes = Objects.equals(before.etag(), after.etag())
                && Objects.equals(before.lastModified(), after.lastModified())
                && before.recent().equals(after.recent())
                && before.consecutiveFailures().equals(after.consecutiveFailures())
                && Objects.equals(before.lastOutcome(), after.lastOutcome());
        return !sameButTimes || owned.savedAt == null || !clock.instant().isBefore(owned.savedAt.plus(stateHeartbeat));
    }

    private static final class Owned {
        volatile FeedSpec spec;
        volatile FeedState state;
        volatile boolean inFlight;
        volatile Instant savedAt;
        volatile Instant retryAt;

        Owned(FeedSpec spec, FeedState state) {
            this.spec = spec;
            this.state = state;
        }

        boolean due(Instant now) {
            Instant next = state.nextPollAt();
            if (retryAt != null && now.isBefore(retryAt)) {
                return false;
            }
            return next == null || !now.isBefore(next);
        }
    }
}
