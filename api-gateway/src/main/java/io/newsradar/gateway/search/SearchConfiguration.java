package io.newsradar.gateway.search;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import io.newsradar.gateway.GatewayProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    @Bean
    RegionCodes regionCodes() {
        return RegionCodes.load();
    }

    @Bean
    ArticleSearch articleSearch(ElasticsearchAsyncClient client, GatewayProperties properties, RegionCodes regions,
            MeterRegistry meters) {
        return new ArticleSearch(client, properties.searchTimeout(), regions,
                new SearchLimiter(properties.maxConcurrentSearches(), meters));
    }
}
