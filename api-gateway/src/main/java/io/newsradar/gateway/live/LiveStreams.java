package io.newsradar.gateway.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsradar.gateway.GatewayProperties;
import io.newsradar.gateway.search.ArticleQuery;
import io.newsradar.gateway.search.KnownCodes;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live streams of {@code GET /api/v1/stream}: each one is what it missed since its {@code Last-Event-ID} (if
 * any), then every matching article as this gateway reads it from Kafka, as server-sent events, with heartbeat
 * comments in between. Caps on open streams, per key and overall, are checked when a stream opens.
 */
public final class LiveStreams {

    private final LiveArticles articles;
    private final MissedArticles missed;
    private final StreamLimits limits;
    private final GatewayProperties.Live settings;
    private final KnownCodes codes;
    private final JsonMapper mapper;
    private final Clock clock;
    final Meters meters;

    /** The streams' metrics. */
    record Meters(Counter liveEvents, Counter resumedEvents, Counter slowGaps, Counter resumeLimitGaps, Timer latency) {
    }

    LiveStreams(LiveArticles articles, MissedArticles missed, GatewayProperties.Live settings, KnownCodes codes,
            JsonMapper mapper, Clock clock, MeterRegistry registry) {
        this.articles = articles;
        this.missed = missed;
        this.settings = settings;
        this.codes = codes;
        this.mapper = mapper;
        this.clock = clock;
        this.limits = new StreamLimits(settings.maxStreams(), settings.maxStreamsPerKey());
        Gauge.builder("newsradar.gateway.streams.open", limits, StreamLimits::open)
                .description("live streams open on this gateway").register(registry);
        String events = "newsradar.gateway.stream.events";
        String gaps = "newsradar.gateway.stream.gaps";
        this.meters = new Meters(
                Counter.builder(events).tag("from", "live").description("articles sent on live streams").register(registry),
                Counter.builder(events).tag("from", "resume").description("articles sent on live streams").register(registry),
                Counter.builder(gaps).tag("reason", "slow").description("live streams ended by a gap event").register(registry),
                Counter.builder(gaps).tag("reason", "resume-limit").description("live streams ended by a gap event").register(registry),
                Timer.builder("newsradar.gateway.stream.latency")
                        .description("from the Kafka record's timestamp to the article being handed to a stream's connection")
                        .publishPercentileHistogram().maximumExpectedValue(Duration.ofMinutes(1)).register(registry));
    }

    /**
     * The stream for these filters, from this position (or from now, when {@code null}), held for the key.
     *
     * @throws StreamLimitException (as the Flux's error, before any event) when the key or the gateway holds as many
     *                              streams as it may
     */
    public Flux<ServerSentEvent<String>> open(ArticleQuery query, EventPosition resumeFrom, String key) {
        return Flux.defer(() -> {
            StreamLimits.Permit permit = limits.acquire(key);
            try {
                StreamSession session = new StreamSession(this, new LiveFilter(query, codes), resumeFrom);
                return session.events(query).doFinally(signal -> {
                    session.close();
                    permit.release();
                });
            } catch (RuntimeException e) {
                permit.release();
                throw e;
            }
        });
    }

    LiveArticles articles() {
        return articles;
    }

    MissedArticles missed() {
        return missed;
    }

    GatewayProperties.Live settings() {
        return settings;
    }

    JsonMapper mapper() {
        return mapper;
    }

    void recordLatency(long recordTimestamp) {
        meters.latency().record(Math.max(0, clock.millis() - recordTimestamp), TimeUnit.MILLISECONDS);
    }

    Clock clock() {
        return clock;
    }
}
