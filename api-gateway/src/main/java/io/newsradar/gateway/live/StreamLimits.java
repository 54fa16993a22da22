package io.newsradar.gateway.live;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the open streams, overall and per API key, and refuses one past either cap. */
final class StreamLimits {

    /** An open stream's place; {@link #release()} gives it back, once. */
    interface Permit {
        void release();
    }

    private final int maxStreams;
    private final int maxPerKey;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<String, AtomicInteger> perKey = new ConcurrentHashMap<>();

    StreamLimits(int maxStreams, int maxPerKey) {
        this.maxStreams = maxStreams;
        this.maxPerKey = maxPerKey;
    }

    /** @throws StreamLimitException when the key, or this gateway, holds as many streams as it may */
    Permit acquire(String key) {
        AtomicInteger ofKey = perKey.computeIfAbsent(key, k -> new AtomicInteger());
        if (ofKey.incrementAndGet() > maxPerKey) {
            ofKey.decrementAndGet();
            throw StreamLimitException.perKey(key, maxPerKey);
        }
        if (open.incrementAndGet() > maxStreams) {
            open.decrementAndGet();
            ofKey.decrementAndGet();
            throw StreamLimitException.overall(maxStreams);
        }
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                open.decrementAndGet();
                ofKey.decrementAndGet();
            }
        };
    }

    int open() {
        return open.get();
    }
}
