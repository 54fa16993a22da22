package io.newsradar.classify.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsradar.classify.Classifier;
import io.newsradar.contracts.ClassifiedArticle;
import io.newsradar.contracts.RawArticle;
import io.newsradar.contracts.Topics;
import io.newsradar.support.kafka.DeadLetterWriter;
import io.newsradar.support.kafka.DeliveryAttempts;
import io.newsradar.support.kafka.KafkaProducers;
import io.newsradar.support.kafka.RecordSource;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Classifies one batch of {@code news.articles.raw} records, all that one poll returned. Each record is read and
 * classified, and its result sent to {@code news.articles.classified}; a record that cannot be read or classified is
 * sent to {@code news.articles.dlq} with its error instead. Nothing waits for the broker until the whole batch is
 * sent; then every send is awaited at once, and only when all are acknowledged does this return and the listener
 * container commit the batch's offsets. So a committed offset never runs ahead of its output, at the cost of one
 * acknowledgement per batch instead of one per record.
 *
 * <p>An output larger than {@code maxRecordBytes} is sent with fewer phrases of evidence ({@link EvidenceCut}); one
 * that still does not fit, and one the broker refuses for the record itself (too large, invalid), becomes a dead
 * letter with its payload cut to fit ({@link DeadLetterWriter}), so that no record can hold its partition (docs/adr/0020).
 * Each dead letter says how many times its record was tried: the container's failed deliveries of the batch that
 * {@link DeliveryAttempts} heard of, and this one.
 *
 * <p>A send that fails for any other reason or is not acknowledged in time fails the whole batch, which the container delivers again
 * (after a backoff, without end): at least once. What the failed attempt did send is sent again; the article id,
 * which is the document id and the live stream's event id, makes the repeats harmless downstream.
 */
final class BatchClassifier {

    static final String STAGE = "classify-service";
    private static final Logger log = LoggerFactory.getLogger(BatchClassifier.class);

    private final Classifier classifier;
    private final JsonMapper json;
    private final Producer<byte[], byte[]> producer;
    private final DeadLetterWriter deadLetters;
    private final DeliveryAttempts attempts;
    private final Duration sendTimeout;
    private final int maxRecordBytes;
    private final Timer classifyTimer;
    private final Counter classified;
    private final Counter deadLettered;

    /** A classifier whose dead letters go through {@code producer} too, counting attempts on its own. */
    BatchClassifier(Classifier classifier, JsonMapper json, Producer<byte[], byte[]> producer, Duration sendTimeout,
            int maxRecordBytes, MeterRegistry meters) {
        this(classifier, json, producer, new DeadLetterWriter(producer, STAGE, maxRecordBytes, sendTimeout, Clock.systemUTC()),
                new DeliveryAttempts(), sendTimeout, maxRecordBytes, meters);
    }

    /**
     * @param producer    the producer of classified articles
     * @param deadLetters the writer of dead letters, over the same producer, so that one wait covers both
     * @param attempts    the failed deliveries the binding's error handler reported
     */
    BatchClassifier(Classifier classifier, JsonMapper json, Producer<byte[], byte[]> producer, DeadLetterWriter deadLetters,
            DeliveryAttempts attempts, Duration sendTimeout, int maxRecordBytes, MeterRegistry meters) {
        this.classifier = classifier;
        this.maxRecordBytes = maxRecordBytes;
        this.json = json;
        this.producer = producer;
        this.deadLetters = deadLetters;
        this.attempts = attempts;
        this.sendTimeout = sendTimeout;
        this.classifyTimer = Timer.builder("newsradar.classify").description("Classifying one article").register(meters);
        this.classified = Counter.builder("newsradar.classify.articles").tag("outcome", "classified")
                .description("Articles classified and sent to news.articles.classified").register(meters);
        this.deadLettered = Counter.builder("newsradar.classify.articles").tag("outcome", "dead-lettered")
                .description("Records sent to news.articles.dlq").register(meters);
    }

    /**
     * @param records the records' values, in the order they were polled
     * @param sources where each came from, index for index, for the dead letters; an empty list when unknown
     * @throws OutputNotAcknowledgedException when a send failed for a reason other than the record itself, or was not
     *                                        acknowledged within the send timeout
     */
    void classify(List<byte[]> records, List<RecordSource> sources) {
        long deadline = System.nanoTime() + sendTimeout.toNanos();
        List<Future<RecordMetadata>> sends = new ArrayList<>(records.size());
        int dead = 0;
        for (int i = 0; i < records.size(); i++) {
            ProducerRecord<byte[], byte[]> output = output(records.get(i), source(sources, i));
            if (output.topic().equals(Topics.ARTICLES_DLQ)) {
                dead++;
            }
            sends.add(send(output));
        }
        Map<Integer, Throwable> refused = awaitAcknowledgements(sends, deadline);
        if (!refused.isEmpty()) {
            List<Future<RecordMetadata>> letters = new ArrayList<>(refused.size());
            refused.forEach((i, failure) -> letters.add(send(deadLetter(records.get(i), source(sources, i), failure.getClass().getName(),
                    "the broker refused classify-service's output for this record: " + reason(failure)))));
            Map<Integer, Throwable> refusedAgain = awaitAcknowledgements(letters, deadline);
            if (!refusedAgain.isEmpty()) {
                throw new OutputNotAcknowledgedException("the broker refused even the dead letter of a record of this batch: "
                        + reason(refusedAgain.values().iterator().next()) + "; the batch will be delivered again", null);
            }
            dead += refused.size();
        }
        attempts.delivered(sources);
        log.atDebug().log("batch of {} classified and acknowledged, {} of them dead letters", records.size(), dead);
        classified.increment(records.size() - dead);
        deadLettered.increment(dead);
    }

    private static RecordSource source(List<RecordSource> sources, int i) {
        return i < sources.size() ? sources.get(i) : RecordSource.unknown(Topics.ARTICLES_RAW, null);
    }

    /** The record's classified article, or its dead letter when it cannot be read, classified or produced. */
    private ProducerRecord<byte[], byte[]> output(byte[] record, RecordSource source) {
        if (record == null) {
            return deadLetter(null, source, "no-value", "classify-service could not read a RawArticle: the record has no value");
        }
        RawArticle article;
        try {
            article = json.readValue(record, RawArticle.class);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            return deadLetter(record, source, e, "classify-service could not read a RawArticle");
        }
        if (article == null) {
            return deadLetter(record, source, "json-null", "classify-service could not read a RawArticle: the record is JSON null");
        }
        ClassifiedArticle result;
        try {
            result = classifyTimer.record(() -> classifier.classify(article));
        } catch (RuntimeException e) {
            // A classifier that fails on one article fails on it every time: retrying would stop the partition.
            return deadLetter(record, source, e, "classify-service could not classify article " + article.articleId());
        }
        byte[] key = result.articleId().getBytes(StandardCharsets.UTF_8);
        int size = 0;
        for (int phrases : EvidenceCut.STEPS) {
            ProducerRecord<byte[], byte[]> output = new ProducerRecord<>(Topics.ARTICLES_CLASSIFIED, key,
                    json.writeValueAsBytes(EvidenceCut.atMost(result, phrases)));
            size = KafkaProducers.size(output);
            if (size <= maxRecordBytes) {
                return output;
            }
        }
        return deadLetter(record, source, "over-record-size", "classify-service could not produce article " + article.articleId()
                + ": its classified record is " + size + " bytes even without evidence, over the limit of " + maxRecordBytes
                + " bytes (newsradar.classify.max-record-size)");
    }

    private ProducerRecord<byte[], byte[]> deadLetter(byte[] record, RecordSource source, String errorClass, String error) {
        return deadLetters.letter(source, record, errorClass, error, attempts.current(source));
    }

    private ProducerRecord<byte[], byte[]> deadLetter(byte[] record, RecordSource source, Throwable failure, String what) {
        return deadLetters.letter(source, record, what, failure, attempts.current(source));
    }

    private Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record) {
        try {
            return producer.send(record);
        } catch (KafkaException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Waits for every send until the deadline.
     *
     * @return index and failure of each send the broker refused for the record itself (too large, invalid); the
     *         record is to be dead-lettered, since sending it again cannot help
     * @throws OutputNotAcknowledgedException for any other failure, or past the deadline
     */
    private Map<Integer, Throwable> awaitAcknowledgements(List<Future<RecordMetadata>> sends, long deadline) {
        Map<Integer, Throwable> refused = new LinkedHashMap<>();
        for (int i = 0; i < sends.size(); i++) {
            try {
                sends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                if (!isFaultOfTheRecord(e.getCause())) {
                    throw new OutputNotAcknowledgedException("a send of this batch of " + sends.size() + " failed: "
                            + DeadLetterWriter.message(e.getCause()) + "; the batch will be delivered again", e.getCause());
                }
                refused.put(i, e.getCause());
            } catch (TimeoutException e) {
                throw new OutputNotAcknowledgedException("the broker did not acknowledge this batch of " + sends.size()
                        + " within " + sendTimeout.toMillis() + " ms; the batch will be delivered again", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OutputNotAcknowledgedException("interrupted while waiting for the broker; the batch will be delivered again", e);
            }
        }
        return refused;
    }

    /** Failures that come from the record and would come again on every send of it. */
    static boolean isFaultOfTheRecord(Throwable failure) {
        return failure instanceof RecordTooLargeException || failure instanceof RecordBatchTooLargeException
                || failure instanceof InvalidRecordException || failure instanceof SerializationException;
    }

    private static String reason(Throwable failure) {
        return failure.getClass().getSimpleName() + ": " + DeadLetterWriter.message(failure);
    }

    /** The batch's output was not all acknowledged: the batch is to be delivered again. */
    static final class OutputNotAcknowledgedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OutputNotAcknowledgedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
