package io.newsradar.support.kafka;

import io.newsradar.contracts.DeadLetterHeaders;
import io.newsradar.contracts.DeadLetterPayload;
import io.newsradar.contracts.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.ErrorHandlingUtils;

/**
 * The one dead-letter writer: a record a stage gives up on goes to {@link Topics#ARTICLES_DLQ} with its key (when
 * it is a reasonable size), its value cut to fit a record the broker takes ({@link DeadLetterPayload}), and the
 * {@link DeadLetterHeaders} header set. A record without a value gets an empty one, so that no reader of the topic
 * meets a tombstone. A stage either sends a letter with the rest of its output and awaits them
 * together ({@link #letter}, {@link #send}), or writes one and waits ({@link #write}); the listener container's
 * error handler uses {@link #recoverer} for what it gives up on itself.
 */
public final class DeadLetterWriter {

    /** A longer key is left out of the dead letter (the headers still say where the record was). */
    static final int MAX_KEY_BYTES = 1024;

    private static final byte[] EMPTY = new byte[0];

    private static final Logger log = LoggerFactory.getLogger(DeadLetterWriter.class);

    private final Producer<byte[], byte[]> producer;
    private final String stage;
    private final int maxRecordBytes;
    private final Duration sendTimeout;
    private final Clock clock;

    /**
     * @param producer       a producer from {@link KafkaProducers}
     * @param stage          the stage's name, as its dead letters say it
     * @param maxRecordBytes the largest record the dead-letter topic takes
     * @param sendTimeout    how long {@link #write} waits for the broker
     */
    public DeadLetterWriter(Producer<byte[], byte[]> producer, String stage, int maxRecordBytes, Duration sendTimeout, Clock clock) {
        this.producer = producer;
        this.stage = stage;
        this.maxRecordBytes = maxRecordBytes;
        this.sendTimeout = sendTimeout;
        this.clock = clock;
    }

    /**
     * The dead letter of one record.
     *
     * @param source     where the record was read
     * @param value      its value as it came, {@code null} for none
     * @param errorClass the failure's class, or the name of the check that refused the record ({@link DeadLetterHeaders})
     * @param error      what went wrong, and where
     * @param attempts   how many times the record was tried, this time included
     */
    public ProducerRecord<byte[], byte[]> letter(RecordSource source, byte[] value, String errorClass, String error, int attempts) {
        boolean cut = DeadLetterPayload.isCut(value, maxRecordBytes);
        DeadLetterHeaders headers = new DeadLetterHeaders(stage, errorClass, error, attempts, source.topic(), source.partition(),
                source.offset(), clock.instant(), cut ? value.length : -1);
        byte[] key = source.key() != null && source.key().length > MAX_KEY_BYTES ? null : source.key();
        byte[] payload = value == null ? EMPTY : DeadLetterPayload.fit(value, maxRecordBytes);
        ProducerRecord<byte[], byte[]> letter = new ProducerRecord<>(Topics.ARTICLES_DLQ, key, payload);
        headers.asBytes().forEach(letter.headers()::add);
        log.atWarn().addKeyValue("topic", source.topic()).addKeyValue("partition", source.partition())
                .addKeyValue("offset", source.offset()).addKeyValue("attempts", attempts).addKeyValue("errorClass", errorClass)
                .log("sending a record to {}: {}", Topics.ARTICLES_DLQ, headers.error());
        return letter;
    }

    /** The letter of a failure: its class, and the stage's words before its message. */
    public ProducerRecord<byte[], byte[]> letter(RecordSource source, byte[] value, String what, Throwable failure, int attempts) {
        return letter(source, value, failure.getClass().getName(), what + ": " + message(failure), attempts);
    }

    /** Sends a letter without waiting; a send the client refuses at once is a failed future, not an exception. */
    public Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> letter) {
        try {
            return producer.send(letter);
        } catch (org.apache.kafka.common.KafkaException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Writes the dead letter of one record and returns once the broker has it.
     *
     * @throws KafkaException when the broker did not take it within the send timeout: the record must be delivered
     *                        again, not committed
     */
    public void write(RecordSource source, byte[] value, String errorClass, String error, int attempts) {
        await(send(letter(source, value, errorClass, error, attempts)), source);
    }

    /**
     * What the listener container does with each record of a batch it gives up on (a failure it holds not worth
     * retrying): the record becomes a dead letter naming the failure and the deliveries {@code attempts} counted,
     * instead of being logged and discarded. A letter the broker does not take fails the recovery, and the batch is
     * delivered again.
     */
    public ConsumerRecordRecoverer recoverer(DeliveryAttempts attempts) {
        return (record, failure) -> {
            Exception cause = ErrorHandlingUtils.unwrapIfNeeded(failure);
            Throwable reason = cause == null ? failure : cause;
            RecordSource source = RecordSource.of(record);
            int tried = Math.max(1, attempts.failures(source.topic(), source.partition(), source.offset()));
            await(send(letter(source, RecordSource.bytes(record.value()), stage + " failed on the batch of this record", reason, tried)),
                    source);
        };
    }

    private void await(Future<RecordMetadata> sent, RecordSource source) {
        String where = source.topic() + "-" + source.partition() + "@" + source.offset();
        try {
            sent.get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new KafkaException("could not send the dead letter of " + where + ": " + message(e.getCause()), e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaException("the broker did not take the dead letter of " + where + " within " + sendTimeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while sending the dead letter of " + where, e);
        }
    }

    /** The first line of a failure's message, or its class's simple name when it has none. */
    public static String message(Throwable failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
