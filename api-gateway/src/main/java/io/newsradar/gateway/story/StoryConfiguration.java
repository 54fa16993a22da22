package io.newsradar.gateway.story;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import io.newsradar.gateway.GatewayProperties;
import io.newsradar.gateway.search.ArticleSearch;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class StoryConfiguration {

    @Bean
    StorySearch storySearch(ElasticsearchAsyncClient client, ArticleSearch articles, GatewayProperties properties) {
        return new StorySearch(client, articles, properties.searchTimeout());
    }
}
