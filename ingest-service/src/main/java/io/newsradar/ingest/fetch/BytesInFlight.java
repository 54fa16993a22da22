package io.newsradar.ingest.fetch;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The decoded body bytes all fetches of one {@link FeedFetcher} hold while they read. Each fetch reserves what it
 * buffers as it grows and gives it all back when it is done, so many large bodies at once cannot together exhaust
 * the heap, whatever each one's own limit: a reservation past the budget is refused, and the fetch fails as a
 * temporary error, tried again at its feed's next poll.
 */
final class BytesInFlight {

    private final long budget;
    private final AtomicLong held = new AtomicLong();

    BytesInFlight(long budget) {
        if (budget <= 0) {
            throw new IllegalArgumentException("the budget must be positive, was " + budget);
        }
        this.budget = budget;
    }

    /** Reserves {@code bytes} more; {@code false}, reserving nothing, when the budget would be passed. */
    boolean tryReserve(long bytes) {
        while (true) {
            long now = held.get();
            if (now + bytes > budget) {
                return false;
            }
            if (held.compareAndSet(now, now + bytes)) {
                return true;
            }
        }
    }

    /** Gives back what a fetch reserved. */
    void release(long bytes) {
        held.addAndGet(-bytes);
    }

    long held() {
        return held.get();
    }

    long budget() {
        return budget;
    }
}
