package io.newsradar.testsupport;

import io.newsradar.contracts.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** A real Kafka broker in KRaft mode, in this JVM, with newsradar's topics created as production has them. */
final class EmbeddedKafka implements KafkaServer {

    static final int PARTITIONS = 6;
    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);

    private final EmbeddedKafkaKraftBroker broker;

    private EmbeddedKafka(EmbeddedKafkaKraftBroker broker) {
        this.broker = broker;
    }

    static EmbeddedKafka start() {
        Instant started = Instant.now();
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
        broker.brokerProperties(Map.of(
                "auto.create.topics.enable", "true",
                "num.partitions", String.valueOf(PARTITIONS),
                "group.initial.rebalance.delay.ms", "0",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1"));
        broker.afterPropertiesSet();
        broker.addTopics(Topics.ALL.stream().map(EmbeddedKafka::topic).toArray(NewTopic[]::new));
        log.atInfo().addKeyValue("bootstrapServers", broker.getBrokersAsString())
                .addKeyValue("seconds", Duration.between(started, Instant.now()).toMillis() / 1000.0)
                .log("Kafka KRaft broker started");
        return new EmbeddedKafka(broker);
    }

    private static NewTopic topic(String name) {
        NewTopic topic = new NewTopic(name, PARTITIONS, (short) 1);
        // Segments roll hourly so compaction keeps the state topics small (a takeover reads news.feed-state whole).
        return Topics.COMPACTED.contains(name) ? topic.configs(Map.of("cleanup.policy", "compact", "segment.ms", "3600000")) : topic;
    }

    @Override
    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }
}
