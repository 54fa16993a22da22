package io.newsradar.support.kafka;

import io.micrometer.core.instrument.Counter;
import io.newsradar.contracts.Redaction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place newsradar reads Kafka outside its Spring Cloud Stream bindings: the only class that makes a
 * {@code KafkaConsumer} and polls it. Keys are text, values bytes; nothing is ever committed. Built by
 * {@link ReaderSettings#reader}, it reads one topic in one of three ways:
 * <ul>
 *   <li>every partition, with no group, from the beginning: a compacted topic loaded and followed (the default;
 *       {@link CompactedView} keeps its latest values);</li>
 *   <li>every partition, with no group, from the end: what is written from now on, in every instance
 *       ({@link ReaderSettings#fromEnd()});</li>
 *   <li>the partitions a consumer group gives this instance, each from its beginning ({@link ReaderSettings#group}).</li>
 * </ul>
 * It runs on a thread of its own, waits for Kafka and for the topic rather than failing ({@link PartitionStart} finds
 * the partitions and where to start them), backs off when a poll fails, and skips a record its listener cannot take
 * with a log line and a count. {@link ReaderSettings#readToEnd} is the
 * bounded one-shot read, on the caller's thread.
 */
public final class KafkaReader implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaReader.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration RETRY = Duration.ofSeconds(2);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final ReaderSettings settings;
    private final ReaderListener listener;
    private final Counter skipped;
    private final ReadProgress progress = new ReadProgress();
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile boolean alive;
    private KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    KafkaReader(ReaderSettings settings, ReaderListener listener) {
        this.settings = settings;
        this.listener = listener;
        this.skipped = settings.skippedCounter();
    }

    /** Connects nothing yet: the reader's thread finds Kafka and the topic, however long they take. */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("the reader of " + settings.topic() + " is already started");
        }
        consumer = consumer(settings.consumerConfig());
        alive = true;
        thread = new Thread(this::run, settings.name());
        thread.setDaemon(true);
        thread.start();
    }

    public String topic() {
        return settings.topic();
    }

    /** Whether the reader's thread is reading (started and neither closed nor failed for good). */
    public boolean alive() {
        return alive;
    }

    /** Records its listener could not take, skipped. */
    public long skipped() {
        return (long) skipped.count();
    }

    /** The partitions this reader holds now, in order; empty before it has any. */
    public List<TopicPartition> partitions() {
        return progress.partitions();
    }

    /** Whether it was given its partitions and read each to the end it had then. */
    public boolean caughtUp() {
        return progress.caughtUp();
    }

    /** Waits until the reader holds its partitions and reads from their start (or end); whether it did before the deadline ({@link System#nanoTime()}). */
    public boolean awaitAssigned(long deadline) throws InterruptedException {
        return progress.awaitAssigned(deadline);
    }

    /** Waits until {@link #caughtUp()}; whether it got there before the deadline ({@link System#nanoTime()}). */
    public boolean awaitCaughtUp(long deadline) throws InterruptedException {
        return progress.awaitCaughtUp(deadline);
    }

    /** Waits until every given partition (by number) is read up to, not including, its offset; whether it was before the deadline. */
    public boolean awaitPositions(Map<Integer, Long> offsets, long deadline) throws InterruptedException {
        return progress.awaitPositions(offsets, deadline);
    }

    /** Stops reading: the thread finishes what it holds, tells the listener, leaves the group and ends. */
    @Override
    public synchronized void close() {
        stopping.countDown();
        if (thread == null) {
            return;
        }
        consumer.wakeup();
        try {
            thread.join(settings.closeTimeout().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean running() {
        return stopping.getCount() > 0;
    }

    private void run() {
        try {
            PartitionStart start = new PartitionStart(settings, consumer, listener, progress);
            if (settings.group() == null) {
                while (running() && !start.assignAll()) {
                    pause(RETRY);
                }
            } else {
                consumer.subscribe(List.of(settings.topic()), start);
            }
            Duration backoff = Duration.ZERO;
            while (running()) {
                try {
                    readOnce();
                    backoff = Duration.ZERO;
                } catch (WakeupException e) {
                    throw e;
                } catch (RuntimeException e) {
                    // Kafka away, the listener unable to finish its round: keep what is held and try again.
                    backoff = backoff.isZero() ? Duration.ofSeconds(1) : min(backoff.multipliedBy(2), MAX_BACKOFF);
                    log.atWarn().addKeyValue("topic", settings.topic()).addKeyValue("reader", settings.name())
                            .log("{}: reading {} failed, trying again in {} s: {}", settings.name(), settings.topic(),
                                    backoff.toSeconds(), Redaction.mask(e.toString()));
                    pause(backoff);
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            log.atError().setCause(e).addKeyValue("topic", settings.topic()).addKeyValue("reader", settings.name())
                    .log("{}: the reader of {} stopped: {}; {}", settings.name(), settings.topic(), e, settings.unavailable());
        } finally {
            alive = false;
            progress.stopped();
            try {
                listener.stopped();
            } finally {
                // Leaving a group politely lets the others take the partitions at once.
                consumer.close(CloseOptions.timeout(settings.group() == null ? Duration.ofSeconds(1) : Duration.ofSeconds(5)));
            }
        }
    }

    private void readOnce() {
        ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
        for (ConsumerRecord<String, byte[]> record : records) {
            hand(record);
        }
        Map<TopicPartition, Long> positions = new HashMap<>();
        for (TopicPartition partition : consumer.assignment()) {
            try {
                positions.put(partition, consumer.position(partition, POLL));
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                // Not known yet (the broker is slow or away): the next round will tell.
            }
        }
        progress.advanced(positions);
        listener.polled(Map.copyOf(positions));
    }

    private void hand(ConsumerRecord<String, byte[]> record) {
        try {
            listener.record(record);
        } catch (RuntimeException e) {
            skipped.increment();
            log.atWarn().addKeyValue("topic", record.topic()).addKeyValue("partition", record.partition())
                    .addKeyValue("offset", record.offset()).addKeyValue("key", record.key()).addKeyValue("reader", settings.name())
                    .log("{}: skipped the record at {}-{}@{}: {}", settings.name(), record.topic(), record.partition(),
                            record.offset(), Redaction.mask(String.valueOf(e.getMessage())));
        }
    }

    private void pause(Duration duration) throws InterruptedException {
        stopping.await(duration.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    // --- the bounded one-shot read ---

    /** See {@link ReaderSettings#readToEnd}. */
    static long readToEnd(ReaderSettings settings, Duration timeout, ReadToEndListener batches) {
        Duration metadata = timeout == null ? settings.apiTimeout() : timeout;
        try (KafkaConsumer<String, byte[]> consumer = consumer(settings.consumerConfig())) {
            List<PartitionInfo> infos = consumer.partitionsFor(settings.topic(), metadata);
            List<TopicPartition> partitions = infos == null ? List.of()
                    : infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, metadata);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, metadata));
            long total = partitions.stream().mapToLong(p -> end.get(p) - begin.get(p)).sum();
            batches.starting(total, partitions.size());
            end.entrySet().removeIf(e -> e.getValue() <= begin.get(e.getKey()));
            consumer.pause(partitions.stream().filter(p -> !end.containsKey(p)).toList());
            long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
            long read = 0;
            while (!end.isEmpty()) {
                if (deadline != Long.MAX_VALUE && System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException("could not read " + settings.topic() + " to its end within "
                            + timeout.toSeconds() + " s");
                }
                ConsumerRecords<String, byte[]> polled = consumer.poll(Duration.ofMillis(200));
                List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>(polled.count());
                for (ConsumerRecord<String, byte[]> record : polled) {
                    Long stop = end.get(new TopicPartition(record.topic(), record.partition()));
                    if (stop != null && record.offset() < stop) {
                        batch.add(record);
                    }
                }
                for (TopicPartition p : List.copyOf(end.keySet())) {
                    if (consumer.position(p, metadata) >= end.get(p)) {
                        end.remove(p);
                        consumer.pause(List.of(p));
                    }
                }
                read += batch.size();
                batches.batch(batch, end.isEmpty());
            }
            return read;
        }
    }

    private static KafkaConsumer<String, byte[]> consumer(Map<String, Object> config) {
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
