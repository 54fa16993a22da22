package io.newsradar.testsupport;

import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** A real Kafka broker in KRaft mode, in this JVM, with newsradar's topics created as production has them. */
final class EmbeddedKafka implements KafkaServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);

    private final EmbeddedKafkaKraftBroker broker;

    private EmbeddedKafka(EmbeddedKafkaKraftBroker broker) {
        this.broker = broker;
    }

    static EmbeddedKafka start() {
        Instant started = Instant.now();
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, KafkaLayout.PARTITIONS);
        broker.brokerProperties(KafkaLayout.brokerProperties());
        broker.afterPropertiesSet();
        broker.addTopics(KafkaLayout.topics().toArray(NewTopic[]::new));
        log.atInfo().addKeyValue("bootstrapServers", broker.getBrokersAsString())
                .addKeyValue("seconds", Duration.between(started, Instant.now()).toMillis() / 1000.0)
                .log("Kafka KRaft broker started");
        return new EmbeddedKafka(broker);
    }

    @Override
    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }
}
