package io.newsradar.ingest.parse;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/** The moment one parse must be finished by; checked on every read of the document and between items. */
final class Deadline {

    private final Duration bound;
    private final long deadlineNanos;

    private Deadline(Duration bound) {
        this.bound = bound;
        this.deadlineNanos = System.nanoTime() + bound.toNanos();
    }

    static Deadline after(Duration bound) {
        return new Deadline(bound);
    }

    Duration bound() {
        return bound;
    }

    void check() throws Exceeded {
        if (System.nanoTime() - deadlineNanos > 0) {
            throw new Exceeded(bound);
        }
    }

    /** The stream, failing with {@link Exceeded} on the first read after the deadline. */
    InputStream guard(InputStream in) {
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

    /** Thrown once the deadline has passed; an {@link IOException} so that it travels through XML and JSON parsers. */
    static final class Exceeded extends IOException {

        private static final long serialVersionUID = 1L;

        Exceeded(Duration bound) {
            super("parse took longer than its time bound of " + bound.toMillis() + " ms");
        }
    }
}
