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

    /** The codes the filters accept, from the same files and the same newsroom directory as the classifier's. */
    @Bean
    KnownCodes knownCodes(GatewayProperties properties) {
        KnownCodes codes = KnownCodes.load(properties.dataDir());
        log.atInfo().addKeyValue("dataDir", properties.dataDir()).addKeyValue("regions", codes.data().regions().all().size())
                .addKeyValue("topics", codes.data().topics().all().size()).log("reference data loaded");
        return codes;
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
    ArticleSearch articleSearch(ElasticsearchAsyncClient client, GatewayProperties properties, KnownCodes codes,
            MeterRegistry meters, CursorKey cursorKey) {
        return new ArticleSearch(client, properties.searchTimeout(), codes,
                new SearchLimiter(properties.maxConcurrentSearches(), meters), cursorKey, properties.maxHistogramBuckets());
    }
}
