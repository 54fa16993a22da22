package io.newsradar.gateway.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

class SearchLimiterTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final SearchLimiter limiter = new SearchLimiter(2, meters);

    @Test
    void refusesACallAtOnceWhileThePermittedCallsAreInFlightAndCountsIt() {
        Sinks.One<String> first = Sinks.one();
        Sinks.One<String> second = Sinks.one();
        AtomicInteger started = new AtomicInteger();
        Mono<String> a = limiter.limit(() -> { started.incrementAndGet(); return first.asMono(); });
        Mono<String> b = limiter.limit(() -> { started.incrementAndGet(); return second.asMono(); });
        List<Disposable> subscriptions = List.of(a.subscribe(), b.subscribe());

        StepVerifier.create(limiter.limit(() -> { started.incrementAndGet(); return Mono.just("third"); }))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(SearchLimiter.OverloadedException.class)
                        .hasMessage("this gateway is answering 2 searches already; try again in a second"))
                .verify();

        assertThat(started.get()).as("the refused call never reached Elasticsearch").isEqualTo(2);
        assertThat(meters.counter("newsradar.gateway.search.shed").count()).isEqualTo(1);
        assertThat(meters.get("newsradar.gateway.search.inflight").gauge().value()).isEqualTo(2);
        subscriptions.forEach(Disposable::dispose);
    }

    @Test
    void givesThePermitBackWhetherTheCallSucceedsFailsOrIsCancelled() {
        StepVerifier.create(limiter.limit(() -> Mono.just("ok"))).expectNext("ok").verifyComplete();
        StepVerifier.create(limiter.limit(() -> Mono.error(new IllegalStateException("Elasticsearch is away")))).verifyError();
        limiter.limit(Mono::never).subscribe().dispose();

        StepVerifier.create(limiter.limit(() -> Mono.just("a")).zipWith(limiter.limit(() -> Mono.just("b"))))
                .expectNextCount(1).verifyComplete();
        assertThat(meters.get("newsradar.gateway.search.inflight").gauge().value()).isZero();
        assertThat(meters.counter("newsradar.gateway.search.shed").count()).isZero();
    }
}
