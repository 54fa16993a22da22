package io.newsradar.testsupport;

import io.newsradar.contracts.Topics;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * What every Kafka broker the tests start has in common, in-process or not: newsradar's topics created as production
 * has them, and the broker settings that make one node behave like the cluster the services expect.
 */
final class KafkaLayout {

    static final int PARTITIONS = 6;

    private KafkaLayout() {
    }

    /** Topics made on first use get the production partition count; one node holds the transaction log; groups form at once. */
    static Map<String, String> brokerProperties() {
        return Map.of(
                "auto.create.topics.enable", "true",
                "num.partitions", String.valueOf(PARTITIONS),
                "group.initial.rebalance.delay.ms", "0",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1");
    }

    /** Every topic of {@link Topics#ALL}, the registry and state topics compacted. */
    static List<NewTopic> topics() {
        return Topics.ALL.stream().map(KafkaLayout::topic).toList();
    }

    private static NewTopic topic(String name) {
        NewTopic topic = new NewTopic(name, PARTITIONS, (short) 1);
        // Segments roll hourly so compaction keeps the state topics small (a takeover reads news.feed-state whole).
        return Topics.COMPACTED.contains(name) ? topic.configs(Map.of("cleanup.policy", "compact", "segment.ms", "3600000")) : topic;
    }
}
