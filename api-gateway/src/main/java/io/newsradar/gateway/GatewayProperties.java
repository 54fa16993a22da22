package io.newsradar.gateway;

import io.newsradar.gateway.security.ApiKeys;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * api-gateway settings ({@code newsradar.gateway.*}; environment {@code NEWSRADAR_GATEWAY_…}).
 *
 * @param searchTimeout   how long one Elasticsearch call may take before the client gets a 503
 * @param defaultPageSize articles per page when the client does not ask
 * @param maxPageSize     the most articles one page may hold
 * @param apiKeys         the API keys: name, hex SHA-256 of the key ({@code sha256sum}), role {@code reader} or
 *                        {@code admin}; the keys themselves are never stored
 * @param rateLimit       each key's token bucket
 */
@ConfigurationProperties("newsradar.gateway")
public record GatewayProperties(
        @DefaultValue("5s") Duration searchTimeout,
        @DefaultValue("20") int defaultPageSize,
        @DefaultValue("100") int maxPageSize,
        @DefaultValue List<ApiKeys.Key> apiKeys,
        @DefaultValue RateLimit rateLimit) {

    /**
     * @param requestsPerSecond the sustained rate of one key
     * @param burst             how many requests one key may make at once
     */
    public record RateLimit(@DefaultValue("20") double requestsPerSecond, @DefaultValue("40") int burst) {
    }

    public GatewayProperties {
        if (defaultPageSize <= 0 || maxPageSize < defaultPageSize) {
            throw new IllegalArgumentException("newsradar.gateway.default-page-size must be positive and at most max-page-size");
        }
    }
}
