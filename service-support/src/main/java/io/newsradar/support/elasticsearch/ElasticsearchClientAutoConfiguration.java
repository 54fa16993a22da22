package io.newsradar.support.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.ElasticsearchTransport;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Elasticsearch 8.19 client, declared here because Spring Boot's own Elasticsearch auto-configuration builds
 * the 9.x client, which an 8.19 cluster refuses (see docs/adr/0002). The JSON mapper is Boot's, so documents are
 * written the way events are. Only a service that names its cluster ({@code spring.elasticsearch.uris}) gets them: the
 * services that use this module for Kafka alone have no Elasticsearch client and no Elasticsearch health.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnProperty(prefix = "spring.elasticsearch", name = "uris")
@EnableConfigurationProperties(ElasticsearchConnectionProperties.class)
public class ElasticsearchClientAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    RestClient elasticsearchRestClient(ElasticsearchConnectionProperties properties) {
        HttpHost[] hosts = properties.uris().stream()
                .map(uri -> new HttpHost(uri.getHost(), uri.getPort(), uri.getScheme()))
                .toArray(HttpHost[]::new);
        RestClientBuilder builder = RestClient.builder(hosts)
                .setRequestConfigCallback(request -> request
                        .setConnectTimeout((int) properties.connectionTimeout().toMillis())
                        .setSocketTimeout((int) properties.socketTimeout().toMillis()));
        if (properties.username() != null) {
            BasicCredentialsProvider credentials = new BasicCredentialsProvider();
            credentials.setCredentials(AuthScope.ANY, new UsernamePasswordCredentials(properties.username(), properties.password()));
            builder.setHttpClientConfigCallback(http -> http.setDefaultCredentialsProvider(credentials));
        }
        return builder.build();
    }

    @Bean
    @ConditionalOnMissingBean
    ElasticsearchTransport elasticsearchTransport(RestClient restClient, ObjectProvider<JsonMapper> jsonMapper) {
        return new RestClientTransport(restClient, new Jackson3JsonpMapper(jsonMapper.getIfAvailable(JsonMapper::new)));
    }

    @Bean
    @ConditionalOnMissingBean
    ElasticsearchClient elasticsearchClient(ElasticsearchTransport transport) {
        return new ElasticsearchClient(transport);
    }

    @Bean
    @ConditionalOnMissingBean
    ElasticsearchAsyncClient elasticsearchAsyncClient(ElasticsearchTransport transport) {
        return new ElasticsearchAsyncClient(transport);
    }

    @Bean
    @ConditionalOnMissingBean(name = "elasticsearchHealthIndicator")
    ElasticsearchClusterHealthIndicator elasticsearchHealthIndicator(ElasticsearchClient client) {
        return new ElasticsearchClusterHealthIndicator(client);
    }
}
