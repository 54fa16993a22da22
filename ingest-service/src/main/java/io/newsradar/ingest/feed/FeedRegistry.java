package io.newsradar.ingest.feed;

import io.newsradar.contracts.FeedSpec;
import io.newsradar.contracts.FeedState;
import io.newsradar.contracts.Redaction;
import io.newsradar.contracts.Topics;
import io.newsradar.ingest.schedule.FeedScheduler;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the feed registry, {@code news.feeds}, in the ingest consumer group: this instance polls the feeds of the
 * partitions the group gives it. A partition it is given is read from its beginning to the end it had then, and the
 * state its feeds' previous owner left in {@code news.feed-state} is read back, before any of them is polled. A
 * partition taken away is released after its polls in flight have saved their state. Offsets are never committed:
 * the compacted registry is always read whole. Everything but {@link #ready()} runs on the registry's own thread.
 */
public class FeedRegistry implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FeedRegistry.class);

    private final Map<String, Object> consumerConfig;
    private final FeedScheduler scheduler;
    private final FeedStateStore states;
    private final JsonMapper json;
    private final Duration releaseTimeout;
    private final Map<TopicPartition, Set<String>> feedsByPartition = new HashMap<>();
    private final Map<TopicPartition, Long> restoring = new ConcurrentHashMap<>();
    private final Map<String, FeedSpec> pending = new LinkedHashMap<>();
    private final Map<String, FeedSpec> added = new LinkedHashMap<>();
    private volatile boolean assignedOnce;
    private volatile boolean alive;
    private volatile boolean running = true;
    private KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    /** @param consumerConfig at least {@code bootstrap.servers} and {@code group.id} */
    public FeedRegistry(Map<String, Object> consumerConfig, FeedScheduler scheduler, FeedStateStore states, JsonMapper json,
            Duration releaseTimeout) {
        this.consumerConfig = new HashMap<>(consumerConfig);
        this.consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumerConfig.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        this.scheduler = scheduler;
        this.states = states;
        this.json = json;
        this.releaseTimeout = releaseTimeout;
    }

    public synchronized void start() {
        consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer());
        alive = true;
        thread = new Thread(this::run, "feed-registry");
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether this instance has joined the group and read everything it was given. */
    public boolean ready() {
        return alive && assignedOnce && restoring.isEmpty();
    }

    @Override
    public synchronized void close() {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(releaseTimeout.plusSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        try {
            consumer.subscribe(List.of(Topics.FEEDS), new Rebalance());
            Duration backoff = Duration.ZERO;
            while (running) {
                try {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        apply(record);
                    }
                    takeOver(added);
                    finishRestores();
                    backoff = Duration.ZERO;
                } catch (WakeupException e) {
                    throw e;
                } catch (RuntimeException e) {
                    // Kafka away, the state topic not readable in time: keep what is pending and try again.
                    backoff = backoff.isZero() ? Duration.ofSeconds(1) : min(backoff.multipliedBy(2), Duration.ofSeconds(30));
                    log.warn("reading the feed registry failed, trying again in {} s: {}", backoff.toSeconds(), e.toString());
                    Thread.sleep(backoff.toMillis());
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            log.error("the feed registry reader stopped: {}; this instance polls no feeds and reports itself not ready",
                    e.toString(), e);
        } finally {
            alive = false;
            releaseAll();
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        String where = Topics.FEEDS + " partition " + record.partition() + " offset " + record.offset();
        if (record.key() == null) {
            log.warn("{}: a record without a feed id as its key; skipped", where);
            return;
        }
        String feedId = record.key();
        if (record.value() == null) {
            pending.remove(feedId);
            added.remove(feedId);
            Set<String> ids = feedsByPartition.get(partition);
            if (ids != null) {
                ids.remove(feedId);
            }
            // Nobody takes a removed feed over: no need to wait for its poll in flight.
            scheduler.release(List.of(feedId), Duration.ZERO);
            log.atInfo().addKeyValue("feedId", feedId).log("feed {} removed from the registry", feedId);
            return;
        }
        FeedSpec spec;
        try {
            spec = json.readValue(record.value(), FeedSpec.class);
        } catch (JacksonException | IllegalArgumentException e) {
            log.warn("{} (feed {}): not a valid FeedSpec, skipped: {}", where, feedId, Redaction.mask(e.getMessage()));
            return;
        }
        if (spec == null) {
            log.warn("{} (feed {}): the value is JSON null, not a FeedSpec (a removal is a record with no value); skipped",
                    where, feedId);
            return;
        }
        if (!spec.feedId().equals(feedId)) {
            log.warn("{}: key '{}' holds feed '{}'; skipped (the key must be the feed id)", where, feedId, spec.feedId());
            return;
        }
        feedsByPartition.computeIfAbsent(partition, p -> new HashSet<>()).add(feedId);
        if (restoring.containsKey(partition)) {
            pending.put(feedId, spec);
        } else if (scheduler.owns(feedId)) {
            scheduler.assign(spec, null);
        } else {
            added.put(feedId, spec);
        }
    }

    /**
     * Hands feeds to the scheduler with the state their last owner saved (a feed added later may have one from an
     * earlier life), then forgets them here; when the state cannot be read they stay, to be tried again.
     */
    private void takeOver(Map<String, FeedSpec> specs) {
        if (specs.isEmpty()) {
            return;
        }
        Map<String, FeedState> found = states.read(specs.keySet());
        for (FeedSpec spec : specs.values()) {
            scheduler.assign(spec, found.get(spec.feedId()));
        }
        log.info("took over {} feeds ({} with a saved state)", specs.size(), found.size());
        specs.clear();
    }

    private void finishRestores() {
        if (restoring.isEmpty()) {
            return;
        }
        for (Map.Entry<TopicPartition, Long> e : restoring.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return;
            }
        }
        takeOver(pending);
        restoring.clear();
    }

    private void release(Collection<TopicPartition> partitions) {
        Set<String> ids = new HashSet<>();
        for (TopicPartition partition : partitions) {
            ids.addAll(feedsByPartition.getOrDefault(partition, Set.of()));
            feedsByPartition.remove(partition);
            restoring.remove(partition);
        }
        pending.keySet().removeAll(ids);
        added.keySet().removeAll(ids);
        scheduler.release(ids, releaseTimeout);
        if (!ids.isEmpty()) {
            log.info("released {} feeds of {} partitions of {}", ids.size(), partitions.size(), Topics.FEEDS);
        }
    }

    private void releaseAll() {
        release(List.copyOf(feedsByPartition.keySet()));
    }

    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (!partitions.isEmpty()) {
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                restoring.putAll(end);
                log.info("given {} partitions of {}: {}", partitions.size(), Topics.FEEDS, partitions);
            }
            assignedOnce = true;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            release(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            release(partitions);
        }
    }
}
