package io.newsradar.support.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch.cluster.HealthResponse;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Elasticsearch health from the cluster health API (the minimal distribution answers 405 to {@code GET /}, so
 * {@code ping()} and {@code info()} cannot be used). Red is down; yellow and green are up.
 */
public class ElasticsearchClusterHealthIndicator extends AbstractHealthIndicator {

    private final ElasticsearchClient client;

    public ElasticsearchClusterHealthIndicator(ElasticsearchClient client) {
        super("Elasticsearch health check failed");
        this.client = client;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        HealthResponse health = client.cluster().health();
        builder.status(health.status() == HealthStatus.Red ? "DOWN" : "UP")
                .withDetail("cluster", health.clusterName())
                .withDetail("status", health.status().jsonValue())
                .withDetail("nodes", health.numberOfNodes());
    }
}
