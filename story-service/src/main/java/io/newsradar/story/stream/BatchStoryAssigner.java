package io.newsradar.story.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsradar.contracts.ClassifiedArticle;
import io.newsradar.contracts.StoryMerge;
import io.newsradar.contracts.Topics;
import io.newsradar.support.kafka.DeadLetterWriter;
import io.newsradar.support.kafka.DeliveryAttempts;
import io.newsradar.support.kafka.KafkaProducers;
import io.newsradar.support.kafka.RecordSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
 * Assigns one batch of {@code news.articles.classified} records, all that one poll returned, to their stories. Each
 * record is read and assigned ({@link StoryStage}), and its assignment sent to the stories topic keyed by article id,
 * with a {@link StoryMerge} keyed {@link StoryMerge#key} for each story it merged; a record that cannot be read goes
 * to {@code news.articles.dlq} through the {@link DeadLetterWriter}. Every send is awaited at once, and only when all
 * are acknowledged does this return and the listener container commit the batch's offsets.
 *
 * <p>A send that fails or is not acknowledged in time fails the batch, which the container delivers again: its
 * articles are known to the stage by then and get the same assignments again, so a retry never opens a second story.
 */
final class BatchStoryAssigner {

    static final String STAGE = "story-service";

    private final StoryStage stage;
    private final JsonMapper json;
    private final Producer<byte[], byte[]> producer;
    private final DeadLetterWriter deadLetters;
    private final DeliveryAttempts attempts;
    private final String storiesTopic;
    private final Duration sendTimeout;
    private final int maxRecordBytes;
    private final Counter opened;
    private final Counter joined;
    private final Counter again;
    private final Counter deadLettered;
    private final Counter merges;

    BatchStoryAssigner(StoryStage stage, JsonMapper json, Producer<byte[], byte[]> producer, DeadLetterWriter deadLetters,
            DeliveryAttempts attempts, String storiesTopic, Duration sendTimeout, int maxRecordBytes, MeterRegistry meters) {
        this.stage = stage;
        this.json = json;
        this.producer = producer;
        this.deadLetters = deadLetters;
        this.attempts = attempts;
        this.storiesTopic = storiesTopic;
        this.sendTimeout = sendTimeout;
        this.maxRecordBytes = maxRecordBytes;
        this.opened = articles(meters, "new-story", "Articles that opened a story");
        this.joined = articles(meters, "joined", "Articles that joined a story of the window");
        this.again = articles(meters, "again", "Articles delivered again and given the assignment they had");
        this.deadLettered = articles(meters, "dead-lettered", "Records sent to news.articles.dlq");
        this.merges = Counter.builder("newsradar.story.merges").description("Stories merged into another").register(meters);
    }

    private static Counter articles(MeterRegistry meters, String outcome, String description) {
        return Counter.builder("newsradar.story.articles").tag("outcome", outcome).description(description).register(meters);
    }

    /**
     * @param records the records' values, in the order they were polled
     * @param sources where each came from, index for index, for the dead letters
     * @throws OutputNotAcknowledgedException when a send failed or was not acknowledged within the send timeout
     */
    void assign(List<byte[]> records, List<RecordSource> sources) {
        long deadline = System.nanoTime() + sendTimeout.toNanos();
        List<Future<RecordMetadata>> sends = new ArrayList<>(records.size());
        Tally tally = new Tally();
        for (int i = 0; i < records.size(); i++) {
            RecordSource source = i < sources.size() ? sources.get(i) : RecordSource.unknown(Topics.ARTICLES_CLASSIFIED, null);
            for (ProducerRecord<byte[], byte[]> output : outputs(records.get(i), source, tally)) {
                sends.add(send(output));
            }
        }
        awaitAcknowledgements(sends, deadline);
        attempts.delivered(sources);
        opened.increment(tally.opened);
        joined.increment(tally.joined);
        again.increment(tally.again);
        deadLettered.increment(tally.dead);
        merges.increment(tally.merges);
    }

    /** What one batch came to, counted once its output is acknowledged. */
    private static final class Tally {
        int opened;
        int joined;
        int again;
        int dead;
        int merges;
    }

    /** The record's assignment and merges, or its dead letter when it cannot be read, assigned or produced. */
    private List<ProducerRecord<byte[], byte[]>> outputs(byte[] record, RecordSource source, Tally tally) {
        if (record == null) {
            return dead(tally, deadLetters.letter(source, null, "no-value",
                    "story-service could not read a ClassifiedArticle: the record has no value", attempts.current(source)));
        }
        ClassifiedArticle article;
        try {
            article = json.readValue(record, ClassifiedArticle.class);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            return dead(tally, deadLetters.letter(source, record, "story-service could not read a ClassifiedArticle", e,
                    attempts.current(source)));
        }
        if (article == null) {
            return dead(tally, deadLetters.letter(source, record, "json-null",
                    "story-service could not read a ClassifiedArticle: the record is JSON null", attempts.current(source)));
        }
        StoryStage.Outcome outcome;
        try {
            outcome = stage.assign(article);
        } catch (RuntimeException e) {
            // An article the clusterer fails on fails every time: retrying would stop the partition.
            return dead(tally, deadLetters.letter(source, record, "story-service could not assign article " + article.articleId(),
                    e, attempts.current(source)));
        }
        List<ProducerRecord<byte[], byte[]>> out = new ArrayList<>(1 + outcome.merges().size());
        out.add(new ProducerRecord<>(storiesTopic, utf8(outcome.assignment().articleId()), json.writeValueAsBytes(outcome.assignment())));
        for (StoryMerge merge : outcome.merges()) {
            out.add(new ProducerRecord<>(storiesTopic, utf8(StoryMerge.key(merge.from())), json.writeValueAsBytes(merge)));
        }
        int size = out.stream().mapToInt(KafkaProducers::size).max().orElse(0);
        if (size > maxRecordBytes) {
            return dead(tally, deadLetters.letter(source, record, "over-record-size", "story-service could not produce the story of article "
                    + article.articleId() + ": its record is " + size + " bytes, over the limit of " + maxRecordBytes
                    + " bytes (newsradar.story.max-record-size)", attempts.current(source)));
        }
        if (outcome.again()) {
            tally.again++;
        } else if (outcome.assignment().opensStory()) {
            tally.opened++;
        } else {
            tally.joined++;
        }
        if (!outcome.again()) {
            tally.merges += outcome.merges().size();
        }
        return out;
    }

    private static List<ProducerRecord<byte[], byte[]>> dead(Tally tally, ProducerRecord<byte[], byte[]> letter) {
        tally.dead++;
        return List.of(letter);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record) {
        try {
            return producer.send(record);
        } catch (KafkaException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void awaitAcknowledgements(List<Future<RecordMetadata>> sends, long deadline) {
        for (Future<RecordMetadata> sent : sends) {
            try {
                sent.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                throw new OutputNotAcknowledgedException("a send of this batch of " + sends.size() + " failed: "
                        + DeadLetterWriter.message(e.getCause()) + "; the batch will be delivered again", e.getCause());
            } catch (TimeoutException e) {
                throw new OutputNotAcknowledgedException("the broker did not acknowledge this batch of " + sends.size()
                        + " within " + sendTimeout.toMillis() + " ms; the batch will be delivered again", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OutputNotAcknowledgedException("interrupted while waiting for the broker; the batch will be delivered again", e);
            }
        }
    }

    /** The batch's output was not all acknowledged: the batch is to be delivered again. */
    static final class OutputNotAcknowledgedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OutputNotAcknowledgedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
