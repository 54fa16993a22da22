package io.newsradar.gateway.feedadmin;

import io.newsradar.contracts.FeedSpec;
import io.newsradar.contracts.FeedState;
import io.newsradar.contracts.Redaction;
import io.newsradar.contracts.Topics;
import io.newsradar.support.kafka.CompactedView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * The feed registry as the gateway sees and changes it. Writes go to {@code news.feeds} (idempotent, {@code acks=all})
 * and return once Kafka acknowledged them and this gateway's view has read them, so a following read sees them. Reads
 * first let the views catch up with every record written to {@code news.feeds} and {@code news.feed-state} before the
 * read began. Kafka not answering within the timeout is a {@link FeedRegistryUnavailableException}. Every method
 * blocks: call it off the event loop.
 */
public final class FeedRegistryAdmin implements AutoCloseable {

    /** The wire format: exactly what the other services read and write. */
    static final JsonMapper WIRE = JsonMapper.builder().build();
    private static final Logger log = LoggerFactory.getLogger(FeedRegistryAdmin.class);

    /** A feed written, and whether it replaced one with the same id. */
    public record Written(FeedView feed, boolean replaced) {
    }

    private final Producer<String, byte[]> producer;
    private final Admin admin;
    private final CompactedView<FeedSpec> feeds;
    private final CompactedView<FeedState> states;
    private final Duration timeout;

    FeedRegistryAdmin(Producer<String, byte[]> producer, Admin admin, CompactedView<FeedSpec> feeds, CompactedView<FeedState> states,
            Duration timeout) {
        this.producer = producer;
        this.admin = admin;
        this.feeds = feeds;
        this.states = states;
        this.timeout = timeout;
    }

    void start() {
        feeds.start();
        states.start();
    }

    /** Every feed with its health, by id; only those ingest-service flags as failing when asked. */
    public List<FeedView> list(boolean failingOnly) {
        catchUp(feeds, states);
        return feeds.values().values().stream()
                .map(spec -> FeedView.of(spec, states.values().get(spec.feedId())))
                .filter(view -> !failingOnly || view.health().failing())
                .sorted(Comparator.comparing(FeedView::feedId))
                .toList();
    }

    public Optional<FeedView> find(String feedId) {
        catchUp(feeds, states);
        return Optional.ofNullable(feeds.values().get(feedId)).map(spec -> FeedView.of(spec, states.values().get(feedId)));
    }

    /** Adds the feed, or replaces the one with its id. */
    public Written put(FeedSpec spec) {
        return putAll(List.of(spec)).get(0);
    }

    /** Adds or replaces every feed, in order; returns once all are acknowledged. */
    public List<Written> putAll(List<FeedSpec> specs) {
        catchUp(feeds);
        List<Boolean> replaced = specs.stream().map(spec -> feeds.values().containsKey(spec.feedId())).toList();
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (FeedSpec spec : specs) {
            sent.add(producer.send(new ProducerRecord<>(Topics.FEEDS, spec.feedId(), WIRE.writeValueAsBytes(spec))));
        }
        awaitWritten(sent);
        List<Written> written = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            FeedSpec spec = specs.get(i);
            written.add(new Written(FeedView.of(spec, states.values().get(spec.feedId())), replaced.get(i)));
            log.atInfo().addKeyValue("feedId", spec.feedId()).addKeyValue("url", Redaction.mask(spec.url())).addKeyValue("replaced", replaced.get(i))
                    .log("feed registered");
        }
        return written;
    }

    /** Writes a tombstone for the feed; false when there is no such feed. */
    public boolean delete(String feedId) {
        catchUp(feeds);
        if (!feeds.values().containsKey(feedId)) {
            return false;
        }
        awaitWritten(List.of(producer.send(new ProducerRecord<>(Topics.FEEDS, feedId, null))));
        log.atInfo().addKeyValue("feedId", feedId).log("feed removed");
        return true;
    }

    /** Feeds in the registry, as the view holds them now (for the gauge: no waiting). */
    int size() {
        return feeds.values().size();
    }

    /** Feeds in the registry flagged as failing, as the views hold them now. */
    int failing() {
        return (int) feeds.values().keySet().stream().map(states.values()::get).filter(s -> s != null && s.failing()).count();
    }

    /** Waits for Kafka's acknowledgements, then for the view to read past them (a view that lags only logs). */
    private void awaitWritten(List<Future<RecordMetadata>> sent) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<Integer, Long> written = new HashMap<>();
        for (Future<RecordMetadata> future : sent) {
            RecordMetadata metadata = get(future, deadline, "acknowledge the write to " + Topics.FEEDS);
            written.merge(metadata.partition(), metadata.offset() + 1, Math::max);
        }
        if (!await(feeds, written, System.nanoTime() + timeout.toNanos())) {
            log.atWarn().addKeyValue("topic", Topics.FEEDS).log("the write is acknowledged, but this gateway has not read it back within {}", timeout);
        }
    }

    /** Lets each view read everything written to its topic before now. */
    private void catchUp(CompactedView<?>... views) {
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
        var ends = get(result.all(), deadline, "tell the ends of " + Topics.FEEDS + " and " + Topics.FEED_STATE);
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

    private static boolean await(CompactedView<?> view, Map<Integer, Long> offsets, long deadline) {
        return await(() -> view.awaitPositions(offsets, deadline));
    }

    private interface Wait {
        boolean done() throws InterruptedException;
    }

    private static boolean await(Wait wait) {
        try {
            return wait.done();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeedRegistryUnavailableException("interrupted", e);
        }
    }

    private <T> T get(Future<T> future, long deadline, String what) {
        try {
            return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw unavailable("Kafka did not " + what + " within " + seconds(), e);
        } catch (ExecutionException e) {
            throw unavailable("Kafka could not " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeedRegistryUnavailableException("interrupted", e);
        }
    }

    private FeedRegistryUnavailableException unavailable(String detail, Throwable cause) {
        log.atWarn().log("feed registry unavailable: {}", detail);
        return new FeedRegistryUnavailableException(detail, cause);
    }

    private String seconds() {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }

    @Override
    public void close() {
        feeds.close();
        states.close();
        producer.close(Duration.ofSeconds(2));
        admin.close(Duration.ofSeconds(2));
    }
}
