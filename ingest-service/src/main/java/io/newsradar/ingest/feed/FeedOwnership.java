package io.newsradar.ingest.feed;

import io.newsradar.contracts.FeedSpec;
import io.newsradar.contracts.FeedState;
import io.newsradar.contracts.Redaction;
import io.newsradar.contracts.Topics;
import io.newsradar.ingest.schedule.FeedScheduler;
import io.newsradar.support.kafka.KafkaReader;
import io.newsradar.support.kafka.ReaderListener;
import io.newsradar.support.kafka.ReaderSettings;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the feed registry, {@code news.feeds}, in the ingest consumer group, through the shared {@link KafkaReader}:
 * this instance polls the feeds of the partitions the group gives it. A partition it is given is read from its beginning to the end it had then, and the
 * state its feeds' previous owner left in {@code news.feed-state} is read back, before any of them is polled. A
 * partition taken away is released after its polls in flight have saved their state. Offsets are never committed:
 * the compacted registry is always read whole. A record that is not a feed is skipped, logged and counted. Everything
 * but {@link #ready()} runs on the reader's thread.
 */
public class FeedOwnership implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FeedOwnership.class);

    private final ReaderSettings settings;
    private final FeedScheduler scheduler;
    private final FeedStateStore states;
    private final JsonMapper json;
    private final Duration releaseTimeout;
    private final Map<TopicPartition, Set<String>> feedsByPartition = new HashMap<>();
    private final Map<TopicPartition, Long> restoring = new ConcurrentHashMap<>();
    private final Map<String, FeedSpec> pending = new LinkedHashMap<>();
    private final Map<String, FeedSpec> added = new LinkedHashMap<>();
    private volatile boolean assignedOnce;
    private volatile KafkaReader reader;

    /** @param consumerConfig at least {@code bootstrap.servers} and {@code group.id} */
    public FeedOwnership(Map<String, Object> consumerConfig, FeedScheduler scheduler, FeedStateStore states, JsonMapper json,
            Duration releaseTimeout) {
        Map<String, Object> config = new HashMap<>(consumerConfig);
        Object servers = config.remove(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG);
        Object group = config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        if (servers == null || group == null) {
            throw new IllegalArgumentException("the feed registry needs bootstrap.servers and group.id");
        }
        // Closing waits for the polls in flight to save their state (release-timeout), then leaves the group.
        this.settings = ReaderSettings.of(Topics.FEEDS, servers.toString(), "feed-registry").group(group.toString())
                .config(config).closeTimeout(releaseTimeout.plusSeconds(5))
                .unavailable("this instance polls no feeds and reports itself not ready");
        this.scheduler = scheduler;
        this.states = states;
        this.json = json;
        this.releaseTimeout = releaseTimeout;
    }

    public synchronized void start() {
        reader = settings.reader(new Listener());
        reader.start();
    }

    /** Whether this instance has joined the group and read everything it was given. */
    public boolean ready() {
        KafkaReader current = reader;
        return current != null && current.alive() && assignedOnce && restoring.isEmpty();
    }

    @Override
    public synchronized void close() {
        if (reader != null) {
            reader.close();
        }
    }

    /** One registry record; throws for one that is not a feed, which the reader skips with its place. */
    private void apply(ConsumerRecord<String, byte[]> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        if (record.key() == null) {
            throw new IllegalArgumentException("a record without a feed id as its key");
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
            throw new IllegalArgumentException("feed " + feedId + ": not a valid FeedSpec: " + Redaction.mask(e.getMessage()), e);
        }
        if (spec == null) {
            throw new IllegalArgumentException("feed " + feedId
                    + ": the value is JSON null, not a FeedSpec (a removal is a record with no value)");
        }
        if (!spec.feedId().equals(feedId)) {
            throw new IllegalArgumentException("key '" + feedId + "' holds feed '" + spec.feedId() + "' (the key must be the feed id)");
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

    private void finishRestores(Map<TopicPartition, Long> positions) {
        if (restoring.isEmpty()) {
            return;
        }
        for (Map.Entry<TopicPartition, Long> e : restoring.entrySet()) {
            if (positions.getOrDefault(e.getKey(), -1L) < e.getValue()) {
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

    /** The reader's side, on its thread: partitions given and taken, records, and after each poll the take-overs due. */
    private final class Listener implements ReaderListener {

        @Override
        public void record(ConsumerRecord<String, byte[]> record) {
            apply(record);
        }

        @Override
        public void assigned(Map<TopicPartition, Long> ends) {
            if (!ends.isEmpty()) {
                // The reader reads them from their beginning: every feed, tombstones included, up to these ends.
                restoring.putAll(ends);
                log.info("given {} partitions of {}: {}", ends.size(), Topics.FEEDS, ends.keySet());
            }
            assignedOnce = true;
        }

        @Override
        public void revoked(Collection<TopicPartition> partitions) {
            release(partitions);
        }

        @Override
        public void polled(Map<TopicPartition, Long> positions) {
            // Throwing (the state topic not readable in time) keeps what is pending; the reader backs off and polls again.
            takeOver(added);
            finishRestores(positions);
        }

        @Override
        public void stopped() {
            releaseAll();
        }
    }
}
