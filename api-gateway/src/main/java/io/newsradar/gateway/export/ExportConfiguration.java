package io.newsradar.gateway.export;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsradar.gateway.GatewayProperties;
import io.newsradar.gateway.search.ArticleSearch;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class ExportConfiguration {

    @Bean
    ArticleExport articleExport(ElasticsearchAsyncClient client, ArticleSearch search, GatewayProperties properties, MeterRegistry meters) {
        GatewayProperties.Export export = properties.export();
        ArticleExport articleExport = new ArticleExport(client, search, export.pageSize(), export.keepAlive(), properties.searchTimeout());
        Gauge.builder("newsradar.gateway.export.pits", articleExport, ArticleExport::openPointsInTime)
                .description("Points in time the running exports hold open in Elasticsearch").register(meters);
        return articleExport;
    }

    @Bean
    ExportLimits exportLimits(GatewayProperties properties, MeterRegistry meters) {
        ExportLimits limits = new ExportLimits(properties.export().maxExports(), properties.export().maxPerKey());
        Gauge.builder("newsradar.gateway.export.running", limits, ExportLimits::running)
                .description("Exports running on this gateway").register(meters);
        return limits;
    }

    @Bean
    ExportWriter exportWriter(JsonMapper json, MeterRegistry meters) {
        return new ExportWriter(json, meters);
    }
}
