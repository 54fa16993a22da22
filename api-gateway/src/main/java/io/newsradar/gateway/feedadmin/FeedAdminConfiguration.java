package io.newsradar.gateway.feedadmin;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsradar.contracts.FeedSpec;
import io.newsradar.contracts.FeedState;
import io.newsradar.contracts.Topics;
import io.newsradar.gateway.GatewayProperties;
import io.newsradar.gateway.compacted.CompactedTopics;
import io.newsradar.support.kafka.CompactedView;
import io.newsradar.support.kafka.KafkaProducers;
import io.newsradar.support.kafka.ProducerSettings;
import io.newsradar.support.kafka.ReaderSettings;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class FeedAdminConfiguration {

    /**
     * The registry, its views reading from the start. Creating the clients never waits for Kafka: a broker that is
     * away makes only the feeds routes answer 503, and the views keep trying until it is back.
     */
    @Bean(destroyMethod = "close")
    FeedRegistryAdmin feedRegistry(GatewayProperties properties, MeterRegistry meters) {
        GatewayProperties.Kafka kafka = properties.kafka();
        String servers = kafka.bootstrapServers();
        var producer = KafkaProducers.create(new ProducerSettings(servers, "api-gateway-feed-registry", kafka.timeout(),
                ProducerSettings.DEFAULT_MAX_RECORD_BYTES, Map.of()), new StringSerializer(), new ByteArraySerializer(), meters);
        Admin admin = Admin.create(Map.<String, Object>of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                AdminClientConfig.CLIENT_ID_CONFIG, "api-gateway-feed-registry-admin"));
        var feeds = new CompactedView<>(view(Topics.FEEDS, servers), (key, bytes) -> FeedRegistryAdmin.WIRE.readValue(bytes, FeedSpec.class));
        var states = new CompactedView<>(view(Topics.FEED_STATE, servers),
                (key, bytes) -> FeedRegistryAdmin.WIRE.readValue(bytes, FeedState.class));
        FeedRegistryAdmin registry = new FeedRegistryAdmin(new CompactedTopics("the feed registry", producer, admin, kafka.timeout(),
                FeedRegistryUnavailableException::new), feeds, states);
        Gauge.builder("newsradar.gateway.feeds", registry, FeedRegistryAdmin::size)
                .description("feeds in the registry (news.feeds)").register(meters);
        Gauge.builder("newsradar.gateway.feeds.failing", registry, FeedRegistryAdmin::failing)
                .description("feeds in the registry that ingest-service flags as failing (news.feed-state)").register(meters);
        registry.start();
        return registry;
    }

    /**
     * How the registry reads one of its topics ({@code news.feeds}, {@code news.feed-state}): with no group, every
     * partition from the beginning, by a client named after the topic. While Kafka is away it says the feed registry
     * is unavailable, and keeps trying.
     */
    private static ReaderSettings view(String topic, String bootstrapServers) {
        return ReaderSettings.of(topic, bootstrapServers, "feed-registry-" + topic)
                .clientId("api-gateway-view-" + topic)
                .unavailable("the feed registry is unavailable");
    }
}
