package io.newsradar.gateway;

import io.newsradar.gateway.security.ApiKeys;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * api-gateway settings ({@code newsradar.gateway.*}; environment {@code NEWSRADAR_GATEWAY_…}).
 *
 * @param searchTimeout   how long one Elasticsearch call may take before the client gets a 503
 * @param defaultPageSize articles per page when the client does not ask
 * @param maxPageSize     the most articles one page may hold
 * @param apiKeys         the API keys: name, hex SHA-256 of the key ({@code sha256sum}), role {@code reader} or
 *                        {@code admin}; the keys themselves are never stored
 * @param rateLimit       each key's token bucket
 * @param kafka           where the feed registry lives ({@code news.feeds}, {@code news.feed-state})
 * @param maxOpmlSize     the largest OPML document {@code POST /api/v1/feeds/opml} accepts
 */
@ConfigurationProperties("newsradar.gateway")
public record GatewayProperties(
        @DefaultValue("5s") Duration searchTimeout,
        @DefaultValue("20") int defaultPageSize,
        @DefaultValue("100") int maxPageSize,
        @DefaultValue List<ApiKeys.Key> apiKeys,
        @DefaultValue RateLimit rateLimit,
        @DefaultValue Kafka kafka,
        @DefaultValue("1MB") DataSize maxOpmlSize) {

    /**
     * @param requestsPerSecond the sustained rate of one key
     * @param burst             how many requests one key may make at once
     */
    public record RateLimit(@DefaultValue("20") double requestsPerSecond, @DefaultValue("40") int burst) {
    }

    /**
     * @param bootstrapServers the Kafka brokers, {@code host:port,…}
     * @param timeout          how long a feed-registry write may wait for Kafka's acknowledgement, and a read for the
     *                         gateway's view of the registry to catch up, before the client gets a 503
     */
    public record Kafka(@DefaultValue("localhost:9092") String bootstrapServers, @DefaultValue("5s") Duration timeout) {
    }

    public GatewayProperties {
        if (defaultPageSize <= 0 || maxPageSize < defaultPageSize) {
            throw new IllegalArgumentException("newsradar.gateway.default-page-size must be positive and at most max-page-size");
        }
    }
}
