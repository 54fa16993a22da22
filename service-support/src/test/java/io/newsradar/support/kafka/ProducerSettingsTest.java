package io.newsradar.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ProducerSettingsTest {

    @Test
    void everyProducerIsIdempotentWithAcksAllAndNeverDeliversASendReportedAsFailed() {
        Map<String, Object> config = new ProducerSettings("kafka-1:9092,kafka-2:9092", "ingest-service-feed-topics",
                Duration.ofSeconds(30), ProducerSettings.DEFAULT_MAX_RECORD_BYTES, Map.of()).producerConfig();

        assertThat(config).containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka-1:9092,kafka-2:9092")
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000)
                .containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000)
                .containsEntry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000)
                .containsEntry(ProducerConfig.CLIENT_ID_CONFIG, "ingest-service-feed-topics")
                .containsEntry(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1000 * 1024 + 64 * 1024);
    }

    @Test
    void theDeploymentsSettingsCannotWeakenAcknowledgementIdempotenceOrTheTimeouts() {
        Map<String, Object> config = new ProducerSettings("kafka:9092", "classify-service-output", Duration.ofSeconds(10),
                200 * 1024, Map.of("acks", "1", "enable.idempotence", "false", "delivery.timeout.ms", "600000",
                        "security.protocol", "SASL_SSL", "linger.ms", "20", "compression.type", "zstd")).producerConfig();

        assertThat(config).containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000)
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("compression.type", "zstd")
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, 20)
                .containsEntry(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1024 * 1024);
    }

    @Test
    void aShortTimeoutStillLeavesTheClientADeliveryTimeoutItTakes() {
        Map<String, Object> config = new ProducerSettings("kafka:9092", "api-gateway-feed-registry", Duration.ofSeconds(1),
                ProducerSettings.DEFAULT_MAX_RECORD_BYTES, Map.of()).producerConfig();

        int request = (Integer) config.get(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG);
        int linger = (Integer) config.get(ProducerConfig.LINGER_MS_CONFIG);
        assertThat(request).isEqualTo(1000);
        assertThat((Integer) config.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG)).isGreaterThanOrEqualTo(request + linger);
    }

    @Test
    void readsTheBrokersAndClientSettingsOfTheStreamBinder() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.cloud.stream.kafka.binder.brokers", "kafka-a:9092,kafka-b:9092")
                .withProperty("spring.cloud.stream.kafka.binder.configuration.security.protocol", "SSL")
                .withProperty("spring.cloud.stream.kafka.binder.producer-properties.compression.type", "lz4");

        ProducerSettings settings = ProducerSettings.fromBinder(environment, "index-service-dead-letters", Duration.ofSeconds(30),
                ProducerSettings.DEFAULT_MAX_RECORD_BYTES);

        assertThat(settings.bootstrapServers()).isEqualTo("kafka-a:9092,kafka-b:9092");
        assertThat(settings.overrides()).containsEntry("security.protocol", "SSL").containsEntry("compression.type", "lz4");
    }

    @Test
    void refusesATimeoutUnderASecondAndARecordLimitOutOfRange() {
        assertThatThrownBy(() -> new ProducerSettings("kafka:9092", "x", Duration.ofMillis(500), ProducerSettings.DEFAULT_MAX_RECORD_BYTES,
                Map.of())).hasMessageContaining("at least 1s");
        assertThatThrownBy(() -> new ProducerSettings("kafka:9092", "x", Duration.ofSeconds(5), 1000, Map.of()))
                .hasMessageContaining("between 64KB and 1GB");
    }
}
