package io.newsradar.ingest.feed;

import io.newsradar.contracts.FeedSpec;
import io.newsradar.contracts.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes feeds to the registry, {@code news.feeds}: from configuration at start-up, from an OPML file on the command
 * line. A feed is keyed by its id, so writing it again replaces it; {@link #remove} writes the tombstone.
 */
public class FeedSeeder {

    private final Producer<String, byte[]> producer;
    private final JsonMapper json;
    private final Duration timeout;

    public FeedSeeder(Producer<String, byte[]> producer, JsonMapper json, Duration timeout) {
        this.producer = producer;
        this.json = json;
        this.timeout = timeout;
    }

    /** Writes every feed and returns once Kafka has them all. */
    public void put(List<FeedSpec> feeds) {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (FeedSpec feed : feeds) {
            sent.add(producer.send(new ProducerRecord<>(Topics.FEEDS, feed.feedId(), json.writeValueAsBytes(feed))));
        }
        await(sent, feeds.size() + " feeds");
    }

    /** Removes a feed from the registry (its state stays, so adding it again does not republish it). */
    public void remove(String feedId) {
        await(List.of(producer.send(new ProducerRecord<>(Topics.FEEDS, feedId, null))), "the removal of feed " + feedId);
    }

    private void await(List<Future<RecordMetadata>> sent, String what) {
        try {
            for (Future<RecordMetadata> future : sent) {
                future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing " + what + " to " + Topics.FEEDS, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot write " + what + " to " + Topics.FEEDS + ": "
                    + (e.getCause() == null ? e : e.getCause()).getMessage(), e);
        }
    }
}
