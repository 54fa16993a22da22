package io.newsradar.gateway.export;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.HttpStatus;

/** Counts the exports running, overall and per API key, and refuses one past either cap. */
final class ExportLimits {

    /** A running export's place; {@link #release()} gives it back, once. */
    interface Permit {
        void release();
    }

    private final int maxExports;
    private final int maxPerKey;
    private final AtomicInteger running = new AtomicInteger();
    private final Map<String, AtomicInteger> perKey = new ConcurrentHashMap<>();

    ExportLimits(int maxExports, int maxPerKey) {
        this.maxExports = maxExports;
        this.maxPerKey = maxPerKey;
    }

    /** @throws LimitReached when the key, or this gateway, runs as many exports as it may */
    Permit acquire(String key) {
        AtomicInteger ofKey = perKey.computeIfAbsent(key, k -> new AtomicInteger());
        if (ofKey.incrementAndGet() > maxPerKey) {
            ofKey.decrementAndGet();
            throw new LimitReached(HttpStatus.TOO_MANY_REQUESTS, maxPerKey, "the key '" + key + "' is running " + maxPerKey
                    + " exports already, the most one key may at once (newsradar.gateway.export.max-per-key); retry when one ends");
        }
        if (running.incrementAndGet() > maxExports) {
            running.decrementAndGet();
            ofKey.decrementAndGet();
            throw new LimitReached(HttpStatus.SERVICE_UNAVAILABLE, maxExports, "this gateway is running " + maxExports
                    + " exports, the most it may at once (newsradar.gateway.export.max-exports); retry shortly");
        }
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                running.decrementAndGet();
                ofKey.decrementAndGet();
            }
        };
    }

    int running() {
        return running.get();
    }

    /** An export refused: {@code 429} for the key's cap, {@code 503} for the gateway's, naming the cap. */
    static final class LimitReached extends RuntimeException {

        private static final long serialVersionUID = 1L;
        /** Seconds a client should wait before trying again. */
        static final long RETRY_AFTER = 5;

        private final HttpStatus status;
        private final int limit;

        LimitReached(HttpStatus status, int limit, String message) {
            super(message);
            this.status = status;
            this.limit = limit;
        }

        HttpStatus status() {
            return status;
        }

        int limit() {
            return limit;
        }
    }
}
