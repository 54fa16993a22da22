package io.newsradar.ingest.extract;

import java.net.URI;
import java.time.Duration;

/**
 * The time one page's extraction has. Every pass over the page calls {@link #check()} as it goes, so that a page that
 * takes too long, or whose extraction was cancelled, stops at the next element instead of running on.
 */
final class Budget {

    private final URI page;
    private final Duration allowed;
    private final long endNanos;

    private Budget(URI page, Duration allowed) {
        this.page = page;
        this.allowed = allowed;
        this.endNanos = System.nanoTime() + allowed.toNanos();
    }

    static Budget of(URI page, Duration allowed) {
        return new Budget(page, allowed);
    }

    /** A budget that never runs out, for the steps that are used on their own in tests. */
    static Budget unlimited() {
        return new Budget(URI.create("about:blank"), Duration.ofDays(365));
    }

    /** @throws OutOfTime when the deadline has passed or the extracting thread was interrupted */
    void check() {
        if (System.nanoTime() - endNanos > 0 || Thread.currentThread().isInterrupted()) {
            throw new OutOfTime(page, allowed);
        }
    }

    /** Carries a missed deadline out of the passes; {@link ArticleExtractor} turns it into a declared failure. */
    static final class OutOfTime extends RuntimeException {

        private static final long serialVersionUID = 1L;

        OutOfTime(URI page, Duration allowed) {
            super(page + ": extraction stopped after its deadline of " + allowed.toMillis() + " ms", null, false, false);
        }
    }
}
