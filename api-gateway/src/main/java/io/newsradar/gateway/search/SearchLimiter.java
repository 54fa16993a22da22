package io.newsradar.gateway.search;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * At most {@code permits} Elasticsearch calls in flight from this gateway. Past that, a request is refused at once
 * ({@link OverloadedException}, a {@code 503} with {@code Retry-After}) instead of waiting in a queue that makes every
 * answer late: under overload the requests served keep their latency. Counted in
 * {@code newsradar.gateway.search.shed}; {@code newsradar.gateway.search.inflight} shows the calls in flight.
 */
public final class SearchLimiter {

    private final Semaphore permits;
    private final int limit;
    private final Counter shed;

    public SearchLimiter(int permits, MeterRegistry meters) {
        if (permits <= 0) {
            throw new IllegalArgumentException("newsradar.gateway.max-concurrent-searches must be positive, was " + permits);
        }
        this.limit = permits;
        this.permits = new Semaphore(permits);
        this.shed = Counter.builder("newsradar.gateway.search.shed")
                .description("Requests refused at once because the most Elasticsearch calls were in flight").register(meters);
        Gauge.builder("newsradar.gateway.search.inflight", this.permits, p -> permits - p.availablePermits())
                .description("Elasticsearch calls in flight").register(meters);
    }

    /** The call, run once a permit is free now; the permit is given back however the call ends. */
    public <T> Mono<T> limit(Supplier<Mono<T>> call) {
        return Mono.defer(() -> {
            if (!permits.tryAcquire()) {
                shed.increment();
                return Mono.error(new OverloadedException(limit));
            }
            return call.get().doFinally(signal -> permits.release());
        });
    }

    /** Too many searches in flight; try again in a second. */
    public static final class OverloadedException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        OverloadedException(int limit) {
            super("this gateway is answering " + limit + " searches already; try again in a second");
        }
    }
}
