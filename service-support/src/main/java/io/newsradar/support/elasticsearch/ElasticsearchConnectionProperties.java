package io.newsradar.support.elasticsearch;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the Elasticsearch cluster is, under the prefix Spring Boot users know ({@code spring.elasticsearch}).
 * Environment: {@code SPRING_ELASTICSEARCH_URIS}, {@code SPRING_ELASTICSEARCH_USERNAME}, …
 *
 * @param uris              the nodes' HTTP addresses
 * @param username          basic-auth user, none by default
 * @param password          basic-auth password
 * @param connectionTimeout how long to wait to connect
 * @param socketTimeout     how long a request may take
 */
@ConfigurationProperties("spring.elasticsearch")
public record ElasticsearchConnectionProperties(
        @DefaultValue("http://localhost:9200") List<URI> uris,
        String username,
        String password,
        @DefaultValue("5s") Duration connectionTimeout,
        @DefaultValue("30s") Duration socketTimeout) {

    public ElasticsearchConnectionProperties {
        if (uris == null || uris.isEmpty()) {
            throw new IllegalArgumentException("spring.elasticsearch.uris must name at least one node");
        }
        for (URI uri : uris) {
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException("spring.elasticsearch.uris: '" + uri + "' is not an http(s) URL with a host");
            }
        }
        uris = List.copyOf(uris);
    }
}
