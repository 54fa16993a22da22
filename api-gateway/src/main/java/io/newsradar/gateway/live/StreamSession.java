package io.newsradar.gateway.live;

import io.newsradar.gateway.search.ArticleQuery;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

/**
 * One open stream. It subscribes to the live articles first and holds the matching ones in its own bounded buffer
 * while it sends what it missed; then it sends the buffer and the live flow, dropping what it has just sent. When the
 * buffer overflows (the client reads too slowly), it stops taking live articles, sends what it holds and a
 * {@code gap} event whose id is where to resume from, and ends: the other streams are not held back.
 */
final class StreamSession {

    static final String ARTICLE = "article";
    static final String GAP = "gap";
    private static final Duration RECONNECT = Duration.ofSeconds(2);

    /** A slow client's buffer is full. */
    private static final class Overflow extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Overflow() {
            super("stream buffer full", null, false, false);
        }
    }

    /** What the stream sends next: an article (from the resume or live), or a gap. */
    private record Item(LiveArticle article, boolean live, String gap) {
    }

    /** The data of a {@code gap} event. */
    record GapNotice(String reason, String lastEventId, String detail) {
    }

    private final LiveStreams streams;
    private final LiveFilter filter;
    private final EventPosition resumeFrom;
    /** Where a client resumes when it got no article: what it resumed from, else the newest article read when it opened. */
    private final EventPosition start;
    private final Sinks.Many<LiveArticle> buffer;
    private final SentRecently sent;
    private final Disposable live;
    private volatile boolean overflowed;
    private EventPosition last;

    StreamSession(LiveStreams streams, LiveFilter filter, EventPosition resumeFrom) {
        this.streams = streams;
        this.filter = filter;
        this.resumeFrom = resumeFrom;
        int size = streams.settings().bufferSize();
        this.buffer = Sinks.many().unicast().onBackpressureBuffer(Queues.<LiveArticle>get(size).get());
        this.sent = new SentRecently(2 * size);
        // Subscribed before anything missed is looked up: an article is either among the recent ones seen then, or comes here.
        this.live = streams.articles().articles().filter(filter::matches).subscribe(this::offer, this::fail, buffer::tryEmitComplete);
        this.start = resumeFrom != null ? resumeFrom
                : streams.articles().recent().newest().orElseGet(() -> EventPosition.at(streams.clock().instant()));
    }

    Flux<ServerSentEvent<String>> events(ArticleQuery query) {
        Mono<MissedArticles.Backlog> backlog = resumeFrom == null ? Mono.just(MissedArticles.Backlog.NONE)
                : streams.missed().since(query, filter, resumeFrom);
        Flux<ServerSentEvent<String>> body = backlog.flatMapMany(missed -> {
            Flux<Item> resumed = Flux.fromIterable(missed.articles()).map(a -> new Item(a, false, null));
            Flux<Item> then = !missed.complete() ? Flux.just(new Item(null, false, "resume-limit"))
                    : buffer.asFlux().map(a -> new Item(a, true, null))
                            .onErrorResume(Overflow.class, e -> Flux.just(new Item(null, false, "slow")));
            Flux<ServerSentEvent<String>> items = Flux.concat(resumed, then)
                    .filter(item -> item.gap() != null || sent.firstTime(item.article().revision()))
                    .timeout(streams.settings().idleTimeout())
                    .onErrorResume(TimeoutException.class, e -> Flux.empty())
                    .map(this::event);
            // The first event commits the response once the missed articles are known (a failed lookup is still a 503).
            return Flux.concat(Mono.just(ServerSentEvent.<String>builder().comment("newsradar live stream").retry(RECONNECT).build()), items);
        });
        Sinks.Empty<Void> done = Sinks.empty();
        Flux<ServerSentEvent<String>> heartbeats = Flux.interval(streams.settings().heartbeat())
                .onBackpressureDrop()
                .map(tick -> ServerSentEvent.<String>builder().comment("heartbeat").build())
                .takeUntilOther(done.asMono());
        return Flux.merge(body.doFinally(signal -> done.tryEmitEmpty()), heartbeats);
    }

    /** On the consumer thread. */
    private void offer(LiveArticle article) {
        if (overflowed) {
            return;
        }
        if (!takenOrEnded(buffer.tryEmitNext(article))) {
            overflowed = true;
            buffer.tryEmitError(new Overflow());
        }
    }

    /**
     * Whether the buffer took the article, or the stream has ended anyway. A full buffer answers {@code FAIL_OVERFLOW}
     * once the stream reads from it, but {@code FAIL_ZERO_SUBSCRIBER} before, while the stream still sends what it
     * missed: either way the article is not held, and the stream must end with a gap rather than go on without it.
     */
    private static boolean takenOrEnded(Sinks.EmitResult result) {
        return result.isSuccess() || result == Sinks.EmitResult.FAIL_CANCELLED || result == Sinks.EmitResult.FAIL_TERMINATED;
    }

    private void fail(Throwable error) {
        buffer.tryEmitError(error);
    }

    private ServerSentEvent<String> event(Item item) {
        if (item.gap() != null) {
            (item.gap().equals("slow") ? streams.meters.slowGaps() : streams.meters.resumeLimitGaps()).increment();
            EventPosition from = last != null ? last : start;
            String detail = item.gap().equals("slow")
                    ? "this stream fell more than " + streams.settings().bufferSize() + " articles behind and was closed;"
                    : "more were missed than one resume sends (" + streams.settings().maxResume() + ");";
            String json = streams.mapper().writeValueAsString(new GapNotice(item.gap(), from.id(),
                    detail + " reconnect with Last-Event-ID: " + from.id() + " for the rest, then the live flow"));
            return ServerSentEvent.builder(json).id(from.id()).event(GAP).build();
        }
        LiveArticle article = item.article();
        last = article.position();
        if (item.live()) {
            streams.meters.liveEvents().increment();
            if (article.recordTimestamp() > 0) {
                streams.recordLatency(article.recordTimestamp());
            }
        } else {
            streams.meters.resumedEvents().increment();
        }
        return ServerSentEvent.builder(article.json()).id(article.position().id()).event(ARTICLE).build();
    }

    void close() {
        live.dispose();
    }
}
