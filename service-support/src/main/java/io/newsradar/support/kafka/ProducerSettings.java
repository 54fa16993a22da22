package io.newsradar.support.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * What differs between the producers of newsradar: where the brokers are, the client's name, how long a send may take,
 * the largest record it sends, and any client settings of the deployment (security, compression). Everything else is
 * the same for all ({@link #producerConfig()}).
 *
 * @param bootstrapServers the brokers, {@code host:port,…}
 * @param clientId         the client id, which also tags the producer's metrics
 * @param timeout          the longest a send may take, from the call to the broker's acknowledgement; a send
 *                         reported as failed is never delivered later
 * @param maxRecordBytes   the largest record this producer sends; at most the broker's {@code message.max.bytes}
 * @param overrides        Kafka client settings of the deployment; they cannot weaken acknowledgement, idempotence or
 *                         the timeouts
 */
public record ProducerSettings(String bootstrapServers, String clientId, Duration timeout, int maxRecordBytes,
        Map<String, String> overrides) {

    /** The largest record by default: under the broker's 1 MB {@code message.max.bytes}, with room for framing. */
    public static final int DEFAULT_MAX_RECORD_BYTES = 1000 * 1024;

    private static final String BINDER = "spring.cloud.stream.kafka.binder";
    private static final Bindable<Map<String, String>> STRING_MAP = Bindable.mapOf(String.class, String.class);
    private static final int MIN_REQUEST_BYTES = 1024 * 1024;
    private static final int FRAMING_BYTES = 64 * 1024;

    public ProducerSettings {
        if (bootstrapServers == null || bootstrapServers.isBlank() || clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("a producer needs its brokers and a client id");
        }
        if (timeout == null || timeout.compareTo(Duration.ofSeconds(1)) < 0 || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the send timeout of producer " + clientId + " must be at least 1s, not " + timeout);
        }
        if (maxRecordBytes < 64 * 1024 || maxRecordBytes > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("the largest record of producer " + clientId + " must be between 64KB and 1GB, not "
                    + maxRecordBytes + " bytes");
        }
        overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
    }

    /**
     * A producer of a service that reads through the Spring Cloud Stream Kafka binder: the binder's brokers, and its
     * {@code configuration} and {@code producer-properties} as overrides ({@code spring.cloud.stream.kafka.binder.*}).
     */
    public static ProducerSettings fromBinder(Environment environment, String clientId, Duration timeout, int maxRecordBytes) {
        Binder binder = Binder.get(environment);
        Map<String, String> overrides = new HashMap<>(binder.bind(BINDER + ".configuration", STRING_MAP).orElse(Map.of()));
        overrides.putAll(binder.bind(BINDER + ".producer-properties", STRING_MAP).orElse(Map.of()));
        String brokers = String.join(",", binder.bind(BINDER + ".brokers", Bindable.listOf(String.class)).orElse(List.of("localhost:9092")));
        return new ProducerSettings(brokers, clientId, timeout, maxRecordBytes, overrides);
    }

    /**
     * The client configuration: the overrides, then acknowledgement by all in-sync replicas and idempotence, a
     * request timeout of half the send timeout (between 1 and 30 seconds), a delivery timeout and a longest block of
     * the send timeout, and a request that takes one record of {@link #maxRecordBytes}. Linger, client id and
     * request size may be overridden; acknowledgement, idempotence and the timeouts may not.
     */
    public Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>(overrides);
        int timeoutMs = (int) timeout.toMillis();
        int requestTimeoutMs = Math.max(1000, Math.min(30_000, timeoutMs / 2));
        int lingerMs = Integer.parseInt(String.valueOf(config.getOrDefault(ProducerConfig.LINGER_MS_CONFIG, "5")).strip());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, requestTimeoutMs);
        // The client refuses a delivery timeout shorter than linger plus one request.
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Math.max(timeoutMs, requestTimeoutMs + lingerMs));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
        config.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        config.putIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Math.max(MIN_REQUEST_BYTES, maxRecordBytes + FRAMING_BYTES));
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        return config;
    }
}
