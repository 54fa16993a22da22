package io.newsradar.gateway.feeds;

import io.newsradar.gateway.kafka.AllPartitions;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The latest value of every key of one compacted topic, kept in memory by a background consumer with no group: it is
 * assigned every partition, reads from the beginning and keeps polling. A tombstone removes the key; a record that
 * cannot be read is logged with its topic, partition and offset and skipped. Callers can wait until the view has read
 * up to given offsets, so that what was just written, or everything written before a request began, is visible.
 */
final class TopicView<V> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TopicView.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final String topic;
    private final String bootstrapServers;
    private final BiFunction<String, byte[], V> reader;
    private final Map<String, V> values = new ConcurrentHashMap<>();
    /** The next offset the view will read, per partition; empty until the partitions are assigned. */
    private final Map<Integer, Long> positions = new ConcurrentHashMap<>();
    private final Object progress = new Object();
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile List<TopicPartition> partitions = List.of();

    /** @param reader the value of a record's bytes, given its key; throws when the record cannot be read */
    TopicView(String topic, String bootstrapServers, BiFunction<String, byte[], V> reader) {
        this.topic = topic;
        this.bootstrapServers = bootstrapServers;
        this.reader = reader;
        this.consumer = new KafkaConsumer<>(properties(topic, bootstrapServers), new StringDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(this::run, "feed-registry-" + topic);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    String topic() {
        return topic;
    }

    Map<String, V> values() {
        return values;
    }

    /** The topic's partitions, once the view has been assigned them; empty before. */
    List<TopicPartition> partitions() {
        return partitions;
    }

    /**
     * Waits until the view has read every given partition up to (not including) its offset.
     *
     * @return whether it got there before the deadline ({@link System#nanoTime()})
     */
    boolean awaitPositions(Map<Integer, Long> offsets, long deadline) throws InterruptedException {
        synchronized (progress) {
            while (!reached(offsets)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                progress.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    /** Waits until the view knows the topic's partitions; whether it did before the deadline. */
    boolean awaitAssigned(long deadline) throws InterruptedException {
        synchronized (progress) {
            while (partitions.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                progress.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    private boolean reached(Map<Integer, Long> offsets) {
        return offsets.entrySet().stream().allMatch(e -> positions.getOrDefault(e.getKey(), -1L) >= e.getValue());
    }

    private void run() {
        try {
            while (running && !assign()) {
                Thread.sleep(RETRY.toMillis());
            }
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    apply(record);
                }
                advance();
            }
        } catch (WakeupException e) {
            if (running) {
                log.atError().setCause(e).addKeyValue("topic", topic).log("the feed registry view stopped unexpectedly");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.atError().setCause(e).addKeyValue("topic", topic).log("the feed registry view of {} stopped: {}", topic, e.getMessage());
        } finally {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(1)));
        }
    }

    /** Assigns every partition of the topic and seeks to the beginning; false when Kafka or the topic is not there yet. */
    private boolean assign() {
        List<TopicPartition> assigned = AllPartitions.assign(consumer, topic, bootstrapServers, "the feed registry is unavailable");
        if (assigned == null) {
            return false;
        }
        consumer.seekToBeginning(assigned);
        synchronized (progress) {
            partitions = assigned;
            progress.notifyAll();
        }
        log.atInfo().addKeyValue("topic", topic).addKeyValue("partitions", assigned.size()).log("reading {} from the beginning", topic);
        return true;
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            log.atWarn().addKeyValue("topic", record.topic()).addKeyValue("partition", record.partition())
                    .addKeyValue("offset", record.offset()).log("skipped a record without a key");
        } else if (record.value() == null) {
            values.remove(record.key());
        } else {
            try {
                values.put(record.key(), reader.apply(record.key(), record.value()));
            } catch (RuntimeException e) {
                log.atWarn().addKeyValue("topic", record.topic()).addKeyValue("partition", record.partition())
                        .addKeyValue("offset", record.offset()).addKeyValue("key", record.key())
                        .log("skipped an unreadable record at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
            }
        }
    }

    /** Records how far each partition has been read (past compacted-away offsets too) and wakes the waiters. */
    private void advance() {
        Collection<TopicPartition> assigned = partitions;
        for (TopicPartition partition : assigned) {
            try {
                positions.put(partition.partition(), consumer.position(partition, POLL));
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                // Not known yet (the broker is slow or away): the next round will tell.
            }
        }
        synchronized (progress) {
            progress.notifyAll();
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Properties properties(String topic, String bootstrapServers) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "api-gateway-view-" + topic);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return p;
    }
}
