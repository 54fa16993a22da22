package io.newsradar.ingest.system;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * The moment one bounded piece of work must be finished by: a fetch (redirects and body included) or a parse. Polled
 * ({@link #remaining()}, {@link #passed()}) by code that arms its own alarms, or checked ({@link #check()},
 * {@link #guard(InputStream)}) by code that reads a stream. Thread-safe.
 */
public final class Deadline {

    private final Duration bound;
    private final long endNanos;
    private volatile boolean expired;

    private Deadline(Duration bound) {
        this.bound = bound;
        this.endNanos = System.nanoTime() + bound.toNanos();
    }

    public static Deadline after(Duration bound) {
        return new Deadline(bound);
    }

    /** How long the work was given. */
    public Duration bound() {
        return bound;
    }

    /** The time left, zero once passed. */
    public Duration remaining() {
        long left = endNanos - System.nanoTime();
        return expired || left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    public boolean passed() {
        return remaining().isZero();
    }

    /** Marks the deadline passed before its time, when the alarm that cancels the work goes off. */
    public void expire() {
        expired = true;
    }

    /** @throws Exceeded once the deadline has passed */
    public void check() throws Exceeded {
        if (passed()) {
            throw new Exceeded(bound);
        }
    }

    /** The stream, failing with {@link Exceeded} on the first read after the deadline. */
    public InputStream guard(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                check();
                return super.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                check();
                return super.read(b, off, len);
            }
        };
    }

    /** "1.5 s", "30 s". */
    public static String seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString() + " s";
    }

    /** Thrown once the deadline has passed; an {@link IOException} so that it travels through XML and JSON parsers. */
    public static final class Exceeded extends IOException {

        private static final long serialVersionUID = 1L;

        Exceeded(Duration bound) {
            super("took longer than its time bound of " + bound.toMillis() + " ms");
        }
    }
}
