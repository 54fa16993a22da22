package io.newsradar.gateway.searches;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsradar.contracts.SavedSearch;
import io.newsradar.contracts.Topics;
import io.newsradar.gateway.GatewayProperties;
import io.newsradar.gateway.compacted.CompactedTopics;
import io.newsradar.support.kafka.CompactedView;
import io.newsradar.support.kafka.KafkaProducers;
import io.newsradar.support.kafka.ProducerSettings;
import io.newsradar.support.kafka.ReaderSettings;
import java.time.Clock;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SavedSearchConfiguration {

    /**
     * The saved searches, their view reading {@code news.searches} from the start. Creating the clients never waits for
     * Kafka: a broker that is away makes only the searches routes answer 503, and the view keeps trying.
     */
    @Bean(destroyMethod = "close")
    SavedSearches savedSearches(GatewayProperties properties, MeterRegistry meters) {
        GatewayProperties.Kafka kafka = properties.kafka();
        String servers = kafka.bootstrapServers();
        var producer = KafkaProducers.create(new ProducerSettings(servers, "api-gateway-saved-searches", kafka.timeout(),
                ProducerSettings.DEFAULT_MAX_RECORD_BYTES, Map.of()), new StringSerializer(), new ByteArraySerializer(), meters);
        Admin admin = Admin.create(Map.<String, Object>of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                AdminClientConfig.CLIENT_ID_CONFIG, "api-gateway-saved-searches-admin"));
        var view = new CompactedView<>(ReaderSettings.of(Topics.SEARCHES, servers, "saved-searches-" + Topics.SEARCHES)
                .clientId("api-gateway-view-" + Topics.SEARCHES)
                .unavailable("the saved searches are unavailable"),
                (key, bytes) -> SavedSearches.WIRE.readValue(bytes, SavedSearch.class));
        SavedSearches searches = new SavedSearches(new CompactedTopics("the saved searches", producer, admin, kafka.timeout(),
                SavedSearchesUnavailableException::new), view, Clock.systemUTC());
        Gauge.builder("newsradar.gateway.searches", searches, SavedSearches::size)
                .description("saved searches (news.searches)").register(meters);
        searches.start();
        return searches;
    }
}
