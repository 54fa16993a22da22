package io.newsradar.ingest.schedule;

import io.newsradar.contracts.FeedSpec;
import io.newsradar.contracts.FeedState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
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
 * flight is waited for, so its state is saved before the new owner reads it, and a poll that outlives the wait, or
 * was still queued, saves nothing.
 */
public class FeedScheduler {

    private static final Logger log = LoggerFactory.getLogger(FeedScheduler.class);
    private static final Duration RETRY_AFTER_CRASH = Duration.ofSeconds(30);

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
            synchronized (owned) {
                if (!owned.spec.url().equals(spec.url())) {
                    owned.state = owned.state.withoutValidators();
                }
                owned.spec = spec;
            }
            return owned;
        });
    }

    /** Whether the feed is owned here. */
    public boolean owns(String feedId) {
        return feeds.containsKey(feedId);
    }

    /**
     * Stops polling these feeds, after waiting (up to {@code timeout}, shared by all) for a poll in flight to save its
     * state. A poll still running after that saves nothing.
     */
    public void release(Collection<String> feedIds, Duration timeout) {
        Instant deadline = clock.instant().plus(timeout);
        for (String id : feedIds) {
            Owned owned = feeds.remove(id);
            if (owned == null) {
                continue;
            }
            synchronized (owned) {
                owned.leaving = true;
                while (owned.inFlight && clock.instant().isBefore(deadline)) {
                    try {
                        owned.wait(Math.max(1, Duration.between(clock.instant(), deadline).toMillis()));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                owned.released = true;
                if (owned.inFlight) {
                    log.atWarn().addKeyValue("feedId", id)
                            .log("feed {} released while its poll still runs; that poll will not save its state", id);
                }
            }
        }
    }

    /** Starts a poll of every enabled feed that is due and not being polled; returns how many started. */
    public int pollDueFeeds() {
        Instant now = clock.instant();
        int started = 0;
        for (Owned owned : feeds.values()) {
            synchronized (owned) {
                if (owned.leaving || owned.inFlight || !owned.spec.enabled() || !owned.due(now)) {
                    continue;
                }
                owned.inFlight = true;
            }
            try {
                workers.execute(() -> run(owned));
                started++;
            } catch (RejectedExecutionException e) {
                finish(owned);
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

    public int ownedCount() {
        return feeds.size();
    }

    /** Polls running or queued now, state saving included. */
    public int inFlightCount() {
        return (int) feeds.values().stream().filter(o -> o.inFlight).count();
    }

    public int failingCount() {
        return (int) feeds.values().stream().filter(o -> o.state.failing()).count();
    }

    private void run(Owned owned) {
        FeedSpec spec = owned.spec;
        try {
            if (owned.leaving) {
                return;
            }
            PollResult result;
            try {
                result = poller.poll(spec, owned.state);
            } catch (Throwable e) {
                result = poller.crashed(spec, owned.state, clock.instant(), e);
            }
            FeedState next = result.state();
            synchronized (owned) {
                if (owned.released) {
                    return;
                }
                if (!owned.spec.url().equals(spec.url())) {
                    next = next.withoutValidators();
                }
                FeedState saved = owned.saved;
                owned.state = next;
                if (!worthSaving(saved, next, owned.savedAt)) {
                    return;
                }
            }
            stateSink.accept(next);
            owned.saved = next;
            owned.savedAt = clock.instant();
        } catch (Throwable e) {
            log.atError().addKeyValue("feedId", spec.feedId()).setCause(e instanceof StackOverflowError ? null : e)
                    .log("feed {}: the poll or saving its state failed ({}); it is polled again in {} s", spec.feedId(),
                            e.getClass().getName(), RETRY_AFTER_CRASH.toSeconds());
            owned.retryAt = clock.instant().plus(RETRY_AFTER_CRASH);
        } finally {
            finish(owned);
        }
    }

    private static void finish(Owned owned) {
        synchronized (owned) {
            owned.inFlight = false;
            owned.notifyAll();
        }
    }

    /** Whether a state differs from the last one saved in more than its times, or the last save is old. */
    private boolean worthSaving(FeedState saved, FeedState next, Instant savedAt) {
        if (saved == null || savedAt == null || !clock.instant().isBefore(savedAt.plus(stateHeartbeat))) {
            return true;
        }
        return !(Objects.equals(saved.etag(), next.etag())
                && Objects.equals(saved.lastModified(), next.lastModified())
                && saved.recent().equals(next.recent())
                && saved.consecutiveFailures().equals(next.consecutiveFailures())
                && saved.failing().equals(next.failing())
                && Objects.equals(saved.pollInterval(), next.pollInterval())
                && Objects.equals(saved.lastOutcome(), next.lastOutcome())
                && Objects.equals(saved.lastError(), next.lastError())
                && saved.limitsApplied().equals(next.limitsApplied()));
    }

    private static final class Owned {
        volatile FeedSpec spec;
        volatile FeedState state;
        /** The last state the sink accepted; a failed save leaves the previous one, so the next poll saves again. */
        volatile FeedState saved;
        volatile Instant savedAt;
        volatile boolean inFlight;
        /** Being handed over: no new poll starts; the one in flight may still save its state. */
        volatile boolean leaving;
        /** Handed over: nothing is saved any more. */
        volatile boolean released;
        volatile Instant retryAt;

        Owned(FeedSpec spec, FeedState state) {
            this.spec = spec;
            this.state = state;
        }

        boolean due(Instant now) {
            if (retryAt != null && now.isBefore(retryAt)) {
                return false;
            }
            Instant next = state.nextPollAt();
            return next == null || !now.isBefore(next);
        }
    }
}
