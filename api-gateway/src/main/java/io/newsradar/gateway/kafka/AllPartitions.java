package io.newsradar.gateway.kafka;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the gateway's own readers of a topic (the feed registry views, the live stream) take it: no consumer group,
 * every partition assigned to the one consumer. Kafka or the topic being absent is said once per try, with what is
 * unavailable meanwhile, and the caller tries again.
 */
public final class AllPartitions {

    private static final Logger log = LoggerFactory.getLogger(AllPartitions.class);

    private AllPartitions() {
    }

    /**
     * Assigns every partition of the topic to the consumer.
     *
     * @param unavailable what does not work until it succeeds, for the log ("the feed registry is unavailable")
     * @return the partitions assigned, or {@code null} when Kafka cannot be reached or the topic does not exist yet
     * @throws WakeupException when the consumer is being closed
     */
    public static List<TopicPartition> assign(Consumer<?, ?> consumer, String topic, String bootstrapServers, String unavailable) {
        List<PartitionInfo> infos;
        try {
            infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            log.atWarn().addKeyValue("topic", topic).addKeyValue("bootstrapServers", bootstrapServers)
                    .log("Kafka at {} is not reachable ({}); {} until it is", bootstrapServers, e.getMessage(), unavailable);
            return null;
        }
        if (infos == null || infos.isEmpty()) {
            log.atWarn().addKeyValue("topic", topic).log("the topic {} does not exist yet; waiting for it", topic);
            return null;
        }
        List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        return partitions;
    }
}
