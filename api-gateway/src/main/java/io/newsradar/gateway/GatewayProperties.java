package io.newsradar.gateway;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * api-gateway settings ({@code newsradar.gateway.*}; environment {@code NEWSRADAR_GATEWAY_…}).
 *
 * @param searchTimeout   how long one Elasticsearch call may take before the client gets a 503
 * @param defaultPageSize articles per page when the client does not ask
 * @param maxPageSize     the most articles one page may hold
 */
@ConfigurationProperties("newsradar.gateway")
public record GatewayProperties(
        @DefaultValue("5s") Duration searchTimeout,
        @DefaultValue("20") int defaultPageSize,
        @DefaultValue("100") int maxPageSize) {

    public GatewayProperties {
        if (defaultPageSize <= 0 || maxPageSize < defaultPageSize) {
            throw new IllegalArgumentException("newsradar.gateway.default-page-size must be positive and at most max-page-size");
        }
    }
}
