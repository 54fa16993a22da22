package io.newsradar.gateway.feeds;

import io.newsradar.support.kafka.CompactedView;
import io.newsradar.support.kafka.ReaderSettings;
import java.util.function.BiFunction;

/**
 * One registry topic ({@code news.feeds}, {@code news.feed-state}) as the feed admin reads it: the shared
 * {@link CompactedView}, with no group, every partition from the beginning, read by a client named after the topic.
 * While Kafka is away it says the feed registry is unavailable, and keeps trying.
 */
final class TopicView<V> extends CompactedView<V> {

    /** @param reader the value of a record's bytes, given its key; throws when the record cannot be read */
    TopicView(String topic, String bootstrapServers, BiFunction<String, byte[], V> reader) {
        super(ReaderSettings.of(topic, bootstrapServers, "feed-registry-" + topic)
                .clientId("api-gateway-view-" + topic)
                .unavailable("the feed registry is unavailable"), reader);
    }
}
