package io.newsradar.gateway.search;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import io.newsradar.gateway.GatewayProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SearchConfiguration.class);

    @Bean
    RegionCodes regionCodes() {
        return RegionCodes.load();
    }

    @Bean
    CursorKey cursorKey(GatewayProperties properties) {
        CursorKey key = CursorKey.of(properties.cursorKey());
        if (key.isRandom()) {
            log.info("newsradar.gateway.cursor-key is not set: page cursors are signed with a key drawn at start, so they"
                    + " are refused after a restart and by other gateways; set the same key on every gateway behind one balancer");
        }
        return key;
    }

    @Bean
    ArticleSearch articleSearch(ElasticsearchAsyncClient client, GatewayProperties properties, RegionCodes regions,
            MeterRegistry meters, CursorKey cursorKey) {
        return new ArticleSearch(client, properties.searchTimeout(), regions,
                new SearchLimiter(properties.maxConcurrentSearches(), meters), cursorKey, properties.maxHistogramBuckets());
    }
}
