package io.newsradar.ingest.fetch;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;

/** The end of the total time one fetch may take, redirects and body included. */
final class Deadline {

    private final Duration total;
    private final long endNanos;
    private volatile boolean expired;

    private Deadline(Duration total) {
        this.total = total;
        this.endNanos = System.nanoTime() + total.toNanos();
    }

    static Deadline after(Duration total) {
        return new Deadline(total);
    }

    /** The time left, zero once passed. */
    Duration remaining() {
        long left = endNanos - System.nanoTime();
        return expired || left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    boolean passed() {
        return remaining().isZero();
    }

    /** Marks the deadline passed, when the alarm that cancels the request goes off. */
    void expire() {
        expired = true;
    }

    /** "… took longer than the 30 s total time limit while reading the body", a temporary failure. */
    FetchException exceeded(URI url, String stage) {
        return FetchException.temporary(url + " took longer than the " + seconds(total) + " total time limit " + stage, null);
    }

    /** "1.5 s", "30 s". */
    static String seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString() + " s";
    }
}
