package io.newsradar.support.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which partitions a {@link KafkaReader} holds and where it starts reading them. With no group it assigns every
 * partition of the topic once Kafka and the topic are there ({@link #assignAll()}); in a group it takes what each
 * rebalance gives (as the {@link ConsumerRebalanceListener}). Either way the partitions are sought to their beginning,
 * or their end, and their positions and ends are settled at that moment for the listener and the reader's progress.
 * It seeks and asks, and never polls: that stays with the reader, on whose thread this runs.
 */
final class PartitionStart implements ConsumerRebalanceListener {

    // The reader's log category, so that what it says about its partitions reads as it always did.
    private static final Logger log = LoggerFactory.getLogger(KafkaReader.class);
    private static final Duration METADATA = Duration.ofSeconds(5);

    private final ReaderSettings settings;
    private final KafkaConsumer<String, byte[]> consumer;
    private final ReaderListener listener;
    private final ReadProgress progress;

    PartitionStart(ReaderSettings settings, KafkaConsumer<String, byte[]> consumer, ReaderListener listener, ReadProgress progress) {
        this.settings = settings;
        this.consumer = consumer;
        this.listener = listener;
        this.progress = progress;
    }

    /** Assigns every partition of the topic and moves to where reading starts; false when Kafka or the topic is not there yet. */
    boolean assignAll() {
        String topic = settings.topic();
        try {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, METADATA);
            if (infos == null || infos.isEmpty()) {
                log.atWarn().addKeyValue("topic", topic).log("the topic {} does not exist yet; waiting for it", topic);
                return false;
            }
            List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            begin(partitions, METADATA);
            return true;
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            log.atWarn().addKeyValue("topic", topic).addKeyValue("bootstrapServers", settings.bootstrapServers())
                    .log("Kafka at {} is not reachable ({}); {} until it is", settings.bootstrapServers(), e.getMessage(),
                            settings.unavailable());
            return false;
        }
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            listener.assigned(Map.of());
            progress.assigned(Map.of(), Map.of());
        } else {
            begin(partitions, settings.apiTimeout());
        }
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        progress.revoked(partitions);
        listener.revoked(partitions);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        progress.revoked(partitions);
        listener.revoked(partitions);
    }

    /** Seeks the partitions to where reading starts and settles their positions and ends now, so "from now on" means this moment. */
    private void begin(Collection<TopicPartition> partitions, Duration timeout) {
        if (settings.readsFromEnd()) {
            consumer.seekToEnd(partitions);
        } else {
            consumer.seekToBeginning(partitions);
        }
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
        Map<TopicPartition, Long> positions = new HashMap<>();
        partitions.forEach(p -> positions.put(p, consumer.position(p, timeout)));
        listener.assigned(Map.copyOf(ends));
        progress.assigned(ends, positions);
        log.atInfo().addKeyValue("topic", settings.topic()).addKeyValue("partitions", partitions.size())
                .addKeyValue("reader", settings.name())
                .log("{}: reading {} partitions of {} from their {}", settings.name(), partitions.size(), settings.topic(),
                        settings.readsFromEnd() ? "latest offsets" : "beginning");
    }
}
