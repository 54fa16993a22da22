package io.newsradar.gateway.live;

import io.newsradar.contracts.ArticleDocument;
import io.newsradar.contracts.ClassifiedArticle;
import io.newsradar.contracts.Topics;
import io.newsradar.support.kafka.KafkaReader;
import io.newsradar.support.kafka.ReaderListener;
import io.newsradar.support.kafka.ReaderSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.json.JsonMapper;

/**
 * This gateway's own reading of {@code news.articles.classified}: the shared {@link KafkaReader} with no group, every
 * partition from their ends, so each gateway instance sees every article classified from its start on. Each article
 * is prepared once, kept among the {@link RecentArticles} and emitted, from the one consumer thread, into one multicast
 * sink that every stream subscribes to. Articles published longer ago than the horizon (backfills, replays) are skipped;
 * a record that cannot be read is logged with its partition and offset, counted and skipped by the reader.
 */
public final class LiveArticles implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LiveArticles.class);
    private static final JsonMapper WIRE = JsonMapper.builder().build();

    private final Duration horizon;
    private final JsonMapper viewMapper;
    private final Clock clock;
    private final RecentArticles recent;
    /** Hot: a stream sees what is emitted while it is subscribed; with nobody subscribed, an article only goes to {@link #recent}. */
    private final Sinks.Many<LiveArticle> sink = Sinks.many().multicast().directBestEffort();
    private final KafkaReader reader;

    /** @param viewMapper writes the articles' JSON as the rest of the API does */
    LiveArticles(String bootstrapServers, Duration horizon, int recentArticles, JsonMapper viewMapper, Clock clock) {
        this.horizon = horizon;
        this.viewMapper = viewMapper;
        this.clock = clock;
        this.recent = new RecentArticles(recentArticles);
        this.reader = ReaderSettings.of(Topics.ARTICLES_CLASSIFIED, bootstrapServers, "live-articles")
                .fromEnd()
                .clientId("api-gateway-live-" + UUID.randomUUID().toString().substring(0, 8))
                .unavailable("the live stream sends nothing new")
                .reader(new Reading(this::publish, sink));
    }

    void start() {
        reader.start();
    }

    /** Every article read from now on, on the consumer thread. */
    Flux<LiveArticle> articles() {
        return sink.asFlux();
    }

    RecentArticles recent() {
        return recent;
    }

    /** Whether this gateway has been assigned the topic's partitions and is reading from their ends, waiting up to {@code timeout}. */
    public boolean awaitReading(Duration timeout) throws InterruptedException {
        return reader.awaitAssigned(System.nanoTime() + timeout.toNanos());
    }

    /** Turns a record into a live article and emits it; throws for a record that cannot be read, which the reader skips. */
    private void publish(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            throw new IllegalArgumentException("the record has no value");
        }
        ArticleDocument doc = ArticleDocument.of(WIRE.readValue(record.value(), ClassifiedArticle.class));
        if (doc.publishedAt() != null && doc.publishedAt().isBefore(Instant.now(clock).minus(horizon))) {
            log.atDebug().addKeyValue("articleId", doc.articleId()).addKeyValue("publishedAt", doc.publishedAt())
                    .log("not pushed live: published before the horizon");
            return;
        }
        emit(LiveArticle.of(doc, viewMapper, record.timestamp()));
    }

    /** Keeps the article among the recent ones, then hands it to every stream; on the consumer thread only. */
    void emit(LiveArticle article) {
        // Kept before it is emitted: a stream that subscribes, then looks at the recent articles, misses none.
        recent.add(article);
        Sinks.EmitResult result = sink.tryEmitNext(article);
        if (result.isFailure() && result != Sinks.EmitResult.FAIL_ZERO_SUBSCRIBER) {
            // Only this thread emits, and the streams never refuse (each buffers on its own): nothing to retry.
            log.atWarn().addKeyValue("articleId", article.view().id()).addKeyValue("result", result)
                    .log("the live sink did not take an article: {}", result);
        }
    }

    @Override
    public void close() {
        reader.close();
    }

    /** The reader's side: each record to {@link #publish}, and the streams completed when reading stops. */
    private record Reading(ReaderListener records, Sinks.Many<LiveArticle> sink) implements ReaderListener {

        @Override
        public void record(ConsumerRecord<String, byte[]> record) {
            records.record(record);
        }

        @Override
        public void stopped() {
            sink.tryEmitComplete();
        }
    }
}
