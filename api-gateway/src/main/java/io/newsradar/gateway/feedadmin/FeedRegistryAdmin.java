package io.newsradar.gateway.feedadmin;

import io.newsradar.contracts.FeedSpec;
import io.newsradar.contracts.FeedState;
import io.newsradar.contracts.Redaction;
import io.newsradar.contracts.Topics;
import io.newsradar.gateway.compacted.CompactedTopics;
import io.newsradar.support.kafka.CompactedView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;
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

    private final CompactedTopics topics;
    private final CompactedView<FeedSpec> feeds;
    private final CompactedView<FeedState> states;

    FeedRegistryAdmin(CompactedTopics topics, CompactedView<FeedSpec> feeds, CompactedView<FeedState> states) {
        this.topics = topics;
        this.feeds = feeds;
        this.states = states;
    }

    void start() {
        feeds.start();
        states.start();
    }

    /** Every feed with its health, by id; only those ingest-service flags as failing when asked. */
    public List<FeedView> list(boolean failingOnly) {
        topics.catchUp(feeds, states);
        return feeds.values().values().stream()
                .map(spec -> FeedView.of(spec, states.values().get(spec.feedId())))
                .filter(view -> !failingOnly || view.health().failing())
                .sorted(Comparator.comparing(FeedView::feedId))
                .toList();
    }

    public Optional<FeedView> find(String feedId) {
        topics.catchUp(feeds, states);
        return Optional.ofNullable(feeds.values().get(feedId)).map(spec -> FeedView.of(spec, states.values().get(feedId)));
    }

    /** Adds the feed, or replaces the one with its id. */
    public Written put(FeedSpec spec) {
        return putAll(List.of(spec)).get(0);
    }

    /** Adds or replaces every feed, in order; returns once all are acknowledged. */
    public List<Written> putAll(List<FeedSpec> specs) {
        topics.catchUp(feeds);
        List<Boolean> replaced = specs.stream().map(spec -> feeds.values().containsKey(spec.feedId())).toList();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (FeedSpec spec : specs) {
            records.add(new ProducerRecord<>(Topics.FEEDS, spec.feedId(), WIRE.writeValueAsBytes(spec)));
        }
        topics.write(feeds, records);
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
        topics.catchUp(feeds);
        if (!feeds.values().containsKey(feedId)) {
            return false;
        }
        topics.write(feeds, List.of(new ProducerRecord<>(Topics.FEEDS, feedId, null)));
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

    @Override
    public void close() {
        feeds.close();
        states.close();
        topics.close();
    }
}
