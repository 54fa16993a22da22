package io.newsradar.testsupport;

/** A Kafka cluster a test talks to. */
public interface KafkaServer {

    /** The {@code bootstrap.servers} value, such as {@code 127.0.0.1:39011}. */
    String bootstrapServers();
}
