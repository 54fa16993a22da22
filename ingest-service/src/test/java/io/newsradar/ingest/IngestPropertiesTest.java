package io.newsradar.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsradar.ingest.schedule.FieldLimits;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class IngestPropertiesTest {

    @Test
    void refusesPrivateNetworksByDefaultWithTheDocumentedLimits() {
        IngestProperties properties = bind(Map.of());

        assertThat(properties.fetch().allowPrivateNetworks()).isFalse();
        assertThat(properties.fetch().totalTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.fetch().connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(properties.fetch().readTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(properties.fetch().maxBodySize().toBytes()).isEqualTo(10L * 1024 * 1024);
        assertThat(properties.fetch().maxDecodedSize().toBytes()).isEqualTo(20L * 1024 * 1024);
        assertThat(properties.fetch().maxRedirects()).isEqualTo(5);
        assertThat(properties.fetch().maxConnectionsPerHost()).isEqualTo(2);
        assertThat(properties.fetch().maxConnectionsTotal()).isEqualTo(64);
    }

    @Test
    void capsFeedItemsAtTheDocumentedLimits() {
        IngestProperties properties = bind(Map.of("newsradar.ingest.items.max-body-length", "50000"));

        assertThat(properties.items().limits()).isEqualTo(new FieldLimits(1_000, 5_000, 50_000,
                50, 200, 2_048, 256 * 1024));
        assertThat(properties.items().maxPerDocument()).isEqualTo(1_000);
        assertThat(properties.items().maxXmlDepth()).isEqualTo(256);
        assertThatThrownBy(() -> bind(Map.of("newsradar.ingest.items.max-event-size", "2MB")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("900 KiB");
        assertThatThrownBy(() -> bind(Map.of("newsradar.ingest.items.max-per-document", "20000")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("max-per-document");
    }

    @Test
    void bindsTheFetchSettingsUnderNewsradarIngestFetch() {
        IngestProperties properties = bind(Map.of(
                "newsradar.ingest.fetch.allow-private-networks", "true",
                "newsradar.ingest.fetch.read-timeout", "3s",
                "newsradar.ingest.fetch.max-decoded-size", "50MB",
                "newsradar.ingest.fetch.max-connections-per-host", "4"));

        assertThat(properties.fetch().allowPrivateNetworks()).isTrue();
        assertThat(properties.fetch().readTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(properties.fetch().maxDecodedSize().toMegabytes()).isEqualTo(50);
        assertThat(properties.fetch().maxConnectionsPerHost()).isEqualTo(4);
    }

    @Test
    void bindsThePollingAndRegistrySettings() {
        IngestProperties properties = bind(Map.of(
                "newsradar.ingest.polling.default-interval", "10m",
                "newsradar.ingest.polling.min-interval", "30s",
                "newsradar.ingest.polling.concurrency", "4",
                "newsradar.ingest.registry.group-id", "ingest-eu",
                "newsradar.ingest.feeds[0].feed-id", "tin-mekong",
                "newsradar.ingest.feeds[0].url", "https://tin-mekong.example.vn/rss.xml",
                "newsradar.ingest.feeds[0].fetch-full-article", "true"));

        assertThat(properties.polling().timing().defaultInterval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(properties.polling().timing().minInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.polling().timing().maxInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(properties.polling().concurrency()).isEqualTo(4);
        assertThat(properties.registry().groupId()).isEqualTo("ingest-eu");
        assertThat(properties.feeds()).singleElement().satisfies(feed -> assertThat(feed.fetchFullArticle()).isTrue());
    }

    @Test
    void refusesAFeedIdUsedTwice() {
        assertThatThrownBy(() -> bind(Map.of(
                "newsradar.ingest.feeds[0].feed-id", "a", "newsradar.ingest.feeds[0].url", "https://a.example/rss",
                "newsradar.ingest.feeds[1].feed-id", "a", "newsradar.ingest.feeds[1].url", "https://b.example/rss")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessage("newsradar.ingest.feeds: feed id 'a' is used twice");
    }

    @Test
    void refusesFewerConnectionsInAllThanPerHost() {
        assertThatThrownBy(() -> bind(Map.of("newsradar.ingest.fetch.max-connections-per-host", "8",
                "newsradar.ingest.fetch.max-connections-total", "4")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("max-connections-total at least max-connections-per-host");
    }

    private static IngestProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("newsradar.ingest", Bindable.of(IngestProperties.class));
    }
}
