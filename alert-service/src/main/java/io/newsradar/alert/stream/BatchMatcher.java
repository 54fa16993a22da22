package io.newsradar.alert.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsradar.alert.match.SearchIndex;
import io.newsradar.alert.spike.SpikeDetector;
import io.newsradar.contracts.AlertDelivery;
import io.newsradar.contracts.ArticleDocument;
import io.newsradar.contracts.ClassifiedArticle;
import io.newsradar.contracts.SavedSearch;
import io.newsradar.contracts.Topics;
import io.newsradar.reference.filter.FilteredArticle;
import io.newsradar.support.kafka.DeadLetterWriter;
import io.newsradar.support.kafka.DeliveryAttempts;
import io.newsradar.support.kafka.RecordSource;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Matches one batch of {@code news.articles.classified} records against the saved searches and records every match
 * on {@code news.alerts}, keyed by search id ({@link AlertDelivery}). Only when the broker has acknowledged every
 * match of the batch does this return and the container commit the batch's offsets: a crash between match and
 * delivery finds the match again, with the same delivery id. Every match is also counted by the
 * {@link SpikeDetector}; a spike it raises is recorded on {@code news.alerts} the same way, as an alert of kind
 * {@code spike} keyed by search id. A record that cannot be read is a dead letter.
 */
final class BatchMatcher {

    static final String STAGE = "alert-service";

    private final SearchIndex index;
    private final SearchesView searches;
    private final SpikeDetector spikes;
    private final JsonMapper json;
    private final Producer<byte[], byte[]> producer;
    private final DeadLetterWriter deadLetters;
    private final DeliveryAttempts attempts;
    private final Duration sendTimeout;
    private final Clock clock;
    private final Counter matched;
    private final Counter spiked;
    private final Counter articles;

    BatchMatcher(SearchIndex index, SearchesView searches, SpikeDetector spikes, JsonMapper json,
            Producer<byte[], byte[]> producer, DeadLetterWriter deadLetters, DeliveryAttempts attempts, Duration sendTimeout,
            Clock clock, MeterRegistry meters) {
        this.index = index;
        this.searches = searches;
        this.spikes = spikes;
        this.json = json;
        this.producer = producer;
        this.deadLetters = deadLetters;
        this.attempts = attempts;
        this.sendTimeout = sendTimeout;
        this.clock = clock;
        this.matched = Counter.builder("newsradar.alert.matches").description("Matches recorded on news.alerts").register(meters);
        this.spiked = Counter.builder("newsradar.alert.spikes").description("Spikes recorded on news.alerts").register(meters);
        this.articles = Counter.builder("newsradar.alert.articles").description("Articles matched against the saved searches")
                .register(meters);
    }

    /**
     * @throws IllegalStateException when the saved searches are not read yet, or a send failed or was not acknowledged
     *                               in time: the batch is delivered again
     */
    void match(List<byte[]> records, List<RecordSource> sources) {
        searches.awaitReady();
        if (spikes.size() > index.size()) {
            spikes.retainOnly(searches.ids());
        }
        long deadline = System.nanoTime() + sendTimeout.toNanos();
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            RecordSource source = i < sources.size() ? sources.get(i) : RecordSource.unknown(Topics.ARTICLES_CLASSIFIED, null);
            for (ProducerRecord<byte[], byte[]> output : outputs(records.get(i), source)) {
                sends.add(send(output));
            }
        }
        for (Future<RecordMetadata> send : sends) {
            try {
                send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                throw new IllegalStateException("a match of this batch was not recorded: "
                        + DeadLetterWriter.message(e.getCause()) + "; the batch will be delivered again", e.getCause());
            } catch (TimeoutException e) {
                throw new IllegalStateException("the broker did not acknowledge this batch's matches within "
                        + sendTimeout.toMillis() + " ms; the batch will be delivered again", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the broker; the batch will be delivered again", e);
            }
        }
        attempts.delivered(sources);
        articles.increment(records.size());
    }

    /** The record's matches, or its dead letter when it cannot be read. */
    private List<ProducerRecord<byte[], byte[]>> outputs(byte[] record, RecordSource source) {
        if (record == null) {
            return List.of(deadLetters.letter(source, null, "no-value",
                    "alert-service could not read a ClassifiedArticle: the record has no value", attempts.current(source)));
        }
        ArticleDocument doc;
        try {
            ClassifiedArticle article = json.readValue(record, ClassifiedArticle.class);
            if (article == null) {
                throw new IllegalArgumentException("the record is JSON null");
            }
            doc = ArticleDocument.of(article);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            return List.of(deadLetters.letter(source, record, "alert-service could not read a ClassifiedArticle", e,
                    attempts.current(source)));
        }
        List<ProducerRecord<byte[], byte[]>> outputs = new ArrayList<>();
        Instant now = clock.instant();
        Instant seen = doc.ingestedAt() == null ? now : doc.ingestedAt();
        Instant countedAt = SpikeDetector.countedAt(doc.publishedAt(), seen);
        for (SavedSearch search : index.matches(FilteredArticle.of(doc))) {
            outputs.add(alert(AlertDelivery.of(search, doc, now)));
            matched.increment();
            spikes.record(search.searchId(), countedAt, seen).ifPresent(spike -> {
                outputs.add(alert(AlertDelivery.spike(search, spike, now)));
                spiked.increment();
            });
        }
        return outputs;
    }

    private ProducerRecord<byte[], byte[]> alert(AlertDelivery delivery) {
        return new ProducerRecord<>(Topics.ALERTS, delivery.search().searchId().getBytes(StandardCharsets.UTF_8),
                json.writeValueAsBytes(delivery));
    }

    private Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record) {
        try {
            return producer.send(record);
        } catch (KafkaException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
