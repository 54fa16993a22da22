package io.newsradar.gateway.compacted;

import io.newsradar.support.kafka.CompactedView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the gateway keeps read-your-writes on the compacted topics it administers ({@code news.feeds},
 * {@code news.searches}): a read first lets its {@link CompactedView}s read every record written before it began
 * ({@link #catchUp}); a write returns once Kafka acknowledged it and the view has read it back ({@link #write}).
 * Kafka not answering within the timeout is the exception the owner's {@code unavailable} factory makes (its 503).
 * Every method blocks: call it off the event loop.
 */
public final class CompactedTopics implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CompactedTopics.class);

    private final String what;
    private final Producer<String, byte[]> producer;
    private final Admin admin;
    private final Duration timeout;
    private final BiFunction<String, Throwable, ? extends RuntimeException> unavailable;

    /**
     * @param what        what the topics hold, for the logs ("the feed registry")
     * @param unavailable makes the exception for "Kafka did not answer": a detail and its cause, which may be {@code null}
     */
    public CompactedTopics(String what, Producer<String, byte[]> producer, Admin admin, Duration timeout,
            BiFunction<String, Throwable, ? extends RuntimeException> unavailable) {
        this.what = what;
        this.producer = producer;
        this.admin = admin;
        this.timeout = timeout;
        this.unavailable = unavailable;
    }

    /** Sends the records to the view's topic, in order, and returns once all are acknowledged and (within the timeout) read back. */
    public void write(CompactedView<?> view, List<ProducerRecord<String, byte[]>> records) {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (ProducerRecord<String, byte[]> record : records) {
            sent.add(producer.send(record));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<Integer, Long> written = new HashMap<>();
        for (Future<RecordMetadata> future : sent) {
            RecordMetadata metadata = get(future, deadline, "acknowledge the write to " + view.topic());
            written.merge(metadata.partition(), metadata.offset() + 1, Math::max);
        }
        if (!await(view, written, System.nanoTime() + timeout.toNanos())) {
            log.atWarn().addKeyValue("topic", view.topic()).log("the write is acknowledged, but this gateway has not read it back within {}", timeout);
        }
    }

    /** Lets each view read everything written to its topic before now. */
    public void catchUp(CompactedView<?>... views) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (CompactedView<?> view : views) {
            if (!await(() -> view.awaitAssigned(deadline))) {
                throw unavailable("no partitions of " + view.topic() + " known within " + seconds(), null);
            }
            view.partitions().forEach(p -> latest.put(p, OffsetSpec.latest()));
        }
        ListOffsetsResult result = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)
                .timeoutMs((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()))));
        String topics = Stream.of(views).map(CompactedView::topic).collect(Collectors.joining(" and "));
        var ends = get(result.all(), deadline, "tell the ends of " + topics);
        for (CompactedView<?> view : views) {
            Map<Integer, Long> offsets = new HashMap<>();
            ends.forEach((partition, info) -> {
                if (partition.topic().equals(view.topic())) {
                    offsets.put(partition.partition(), info.offset());
                }
            });
            if (!await(view, offsets, deadline)) {
                throw unavailable("this gateway did not read " + view.topic() + " up to its end within " + seconds(), null);
            }
        }
    }

    private boolean await(CompactedView<?> view, Map<Integer, Long> offsets, long deadline) {
        return await(() -> view.awaitPositions(offsets, deadline));
    }

    private interface Wait {
        boolean done() throws InterruptedException;
    }

    private boolean await(Wait wait) {
        try {
            return wait.done();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable.apply("interrupted", e);
        }
    }

    private <T> T get(Future<T> future, long deadline, String action) {
        try {
            return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw unavailable("Kafka did not " + action + " within " + seconds(), e);
        } catch (ExecutionException e) {
            throw unavailable("Kafka could not " + action + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable.apply("interrupted", e);
        }
    }

    private RuntimeException unavailable(String detail, Throwable cause) {
        log.atWarn().log("{} unavailable: {}", what, detail);
        return unavailable.apply(detail, cause);
    }

    private String seconds() {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }

    /** Closes the producer and the admin client (the views belong to their owner). */
    @Override
    public void close() {
        producer.close(Duration.ofSeconds(2));
        admin.close(Duration.ofSeconds(2));
    }
}
