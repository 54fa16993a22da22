package io.newsradar.testsupport;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.kafka.KafkaContainer;

/** The same servers as containers, for machines with a Docker engine. Loaded only in containers mode. */
final class ContainerServers {

    static final String KAFKA_IMAGE = "apache/kafka:4.2.1";
    static final String ELASTICSEARCH_IMAGE = "docker.elastic.co/elasticsearch/elasticsearch:8.19.21";

    private ContainerServers() {
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    static KafkaServer kafka() {
        KafkaContainer container = new KafkaContainer(KAFKA_IMAGE);
        container.start();
        return container::getBootstrapServers;
    }

    static ElasticsearchServer elasticsearch() {
        ElasticsearchContainer container = new ElasticsearchContainer(ELASTICSEARCH_IMAGE)
                .withEnv("xpack.security.enabled", "false")
                .withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m");
        container.start();
        return new ElasticsearchServer() {
            @Override
            public String url() {
                return "http://" + container.getHttpHostAddress();
            }

            @Override
            public String diagnostics() {
                return "Elasticsearch container " + container.getContainerName() + " at " + url();
            }
        };
    }
}
