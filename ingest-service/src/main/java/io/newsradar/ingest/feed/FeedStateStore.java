package io.newsradar.ingest.feed;

import io.newsradar.contracts.FeedState;
import io.newsradar.contracts.Topics;
import io.newsradar.support.kafka.ReaderSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The per-feed state in the compacted {@code news.feed-state}: read back, to its end, when feeds are taken over (the
 * shared reader's bounded read), and written after every poll that changed something, with {@code acks=all}.
 */
public class FeedStateStore {

    private static final Logger log = LoggerFactory.getLogger(FeedStateStore.class);

    /** The most one state record may hold: well under the 1 MB Kafka accepts, for the record's own overhead. */
    static final int MAX_RECORD_BYTES = 900_000;

    private final Map<String, Object> consumerConfig;
    private final Producer<String, byte[]> producer;
    private final JsonMapper json;
    private final Duration timeout;

    /**
     * @param consumerConfig at least {@code bootstrap.servers}
     * @param producer       an idempotent producer with {@code acks=all}
     * @param timeout        how long reading the topic to its end, or one write, may take
     */
    public FeedStateStore(Map<String, Object> consumerConfig, Producer<String, byte[]> producer, JsonMapper json, Duration timeout) {
        this.consumerConfig = Map.copyOf(consumerConfig);
        this.producer = producer;
        this.json = json;
        this.timeout = timeout;
    }

    /** The latest state of each of these feeds, read to the end the topic had when asked; feeds never polled are absent. */
    public Map<String, FeedState> read(Set<String> feedIds) {
        Map<String, FeedState> states = new HashMap<>();
        if (feedIds.isEmpty()) {
            return states;
        }
        Map<String, Object> config = new HashMap<>(consumerConfig);
        Object servers = config.remove(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG);
        ReaderSettings.of(Topics.FEED_STATE, String.valueOf(servers), "feed-state").config(config)
                .readToEnd(timeout, (records, done) -> {
                    for (ConsumerRecord<String, byte[]> record : records) {
                        if (record.key() != null && feedIds.contains(record.key())) {
                            apply(states, record);
                        }
                    }
                });
        return states;
    }

    /**
     * Writes a feed's state; returns once Kafka has it. A state whose record would pass {@link #MAX_RECORD_BYTES}
     * remembers only as many of its newest articles as fit, and says so in its {@code limitsApplied}.
     */
    public void save(FeedState state) {
        try {
            producer.send(new ProducerRecord<>(Topics.FEED_STATE, state.feedId(), fitted(state)))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while saving the state of feed " + state.feedId(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot save the state of feed " + state.feedId() + " to " + Topics.FEED_STATE
                    + ": " + (e.getCause() == null ? e : e.getCause()).getMessage(), e);
        }
    }

    /** The state's record, with its oldest remembered articles dropped until it fits. */
    byte[] fitted(FeedState state) {
        byte[] record = json.writeValueAsBytes(state);
        if (record.length <= MAX_RECORD_BYTES) {
            return record;
        }
        List<FeedState.SeenArticle> recent = state.recent();
        int keep = recent.size();
        while (record.length > MAX_RECORD_BYTES && keep > 0) {
            keep = (int) (keep * (MAX_RECORD_BYTES * 0.9 / record.length));
            List<String> limits = new ArrayList<>(state.limitsApplied());
            limits.add("remembered only the newest " + keep + " of " + recent.size()
                    + " published articles, to keep the state within its record");
            record = json.writeValueAsBytes(state.withRecent(recent.subList(0, keep)).withLimitsApplied(limits));
        }
        log.warn("feed {}: its state would pass {} bytes; it remembers the newest {} of {} published articles",
                state.feedId(), MAX_RECORD_BYTES, keep, recent.size());
        return record;
    }

    private void apply(Map<String, FeedState> states, ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            states.remove(record.key());
            return;
        }
        try {
            FeedState state = json.readValue(record.value(), FeedState.class);
            if (state == null) {
                log.warn("{} partition {} offset {} (feed {}): the value is JSON null, not a FeedState; skipped",
                        Topics.FEED_STATE, record.partition(), record.offset(), record.key());
            } else if (state.feedId().equals(record.key())) {
                FeedState held = states.get(record.key());
                // A poll that outlived its feed's handover may land after the new owner's: the later poll wins.
                if (held == null || !polledBefore(state, held)) {
                    states.put(record.key(), state);
                }
            } else {
                log.warn("{} partition {} offset {}: key '{}' holds the state of feed '{}'; skipped", Topics.FEED_STATE,
                        record.partition(), record.offset(), record.key(), state.feedId());
            }
        } catch (JacksonException | IllegalArgumentException e) {
            log.warn("{} partition {} offset {} (feed {}): not a readable FeedState, skipped: {}", Topics.FEED_STATE,
                    record.partition(), record.offset(), record.key(), e.getMessage());
        }
    }

    private static boolean polledBefore(FeedState a, FeedState b) {
        return a.lastPolledAt() != null && b.lastPolledAt() != null && a.lastPolledAt().isBefore(b.lastPolledAt());
    }
}
