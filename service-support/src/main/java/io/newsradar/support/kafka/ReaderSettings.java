package io.newsradar.support.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;

/**
 * How a {@link KafkaReader} reads one topic: where it starts, whether through a consumer group, what it is called, and
 * the consumer settings it adds. Readers never commit, read only committed records, and (outside a group) never create
 * the topic they wait for. {@code reader(…)} and {@code readToEnd(…)} take the settings as they are at that moment.
 */
public final class ReaderSettings {

    static final String SKIPPED_METRIC = "newsradar.kafka.reader.skipped";

    private final String topic;
    private final String bootstrapServers;
    private final String name;
    private String clientId;
    private String group;
    private boolean fromEnd;
    private String unavailable;
    private Duration closeTimeout = Duration.ofSeconds(5);
    private MeterRegistry meters = Metrics.globalRegistry;
    private final Map<String, Object> config = new HashMap<>();

    private ReaderSettings(String topic, String bootstrapServers, String name) {
        this.topic = Objects.requireNonNull(topic, "topic");
        this.bootstrapServers = Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        this.name = Objects.requireNonNull(name, "name");
        this.unavailable = "nothing is read from " + topic;
    }

    private ReaderSettings(ReaderSettings other) {
        this(other.topic, other.bootstrapServers, other.name);
        clientId = other.clientId;
        group = other.group;
        fromEnd = other.fromEnd;
        unavailable = other.unavailable;
        closeTimeout = other.closeTimeout;
        meters = other.meters;
        config.putAll(other.config);
    }

    /**
     * @param name what the reader is called in its thread, its log lines and its metric ({@code feed-registry})
     */
    public static ReaderSettings of(String topic, String bootstrapServers, String name) {
        return new ReaderSettings(topic, bootstrapServers, name);
    }

    /** Reads every partition from its end at start-up: what is written from now on (the default is from the beginning). */
    public ReaderSettings fromEnd() {
        this.fromEnd = true;
        return this;
    }

    /** Reads the partitions this consumer group gives the instance, each from its beginning, with the cooperative sticky assignor. */
    public ReaderSettings group(String groupId) {
        this.group = Objects.requireNonNull(groupId, "groupId");
        return this;
    }

    /** The consumer's {@code client.id}; Kafka numbers one of its own when none is given. */
    public ReaderSettings clientId(String clientId) {
        this.clientId = clientId;
        return this;
    }

    /** What does not work while Kafka or the topic is away, for the log ("the feed registry is unavailable"). */
    public ReaderSettings unavailable(String unavailable) {
        this.unavailable = Objects.requireNonNull(unavailable, "unavailable");
        return this;
    }

    /** How long {@link KafkaReader#close()} waits for the reader to finish: its listener's {@code stopped}, leaving the group (5 s by default). */
    public ReaderSettings closeTimeout(Duration closeTimeout) {
        this.closeTimeout = Objects.requireNonNull(closeTimeout, "closeTimeout");
        return this;
    }

    /** Where the skipped-records counter goes; Micrometer's global registry, which Spring Boot feeds, by default. */
    public ReaderSettings meters(MeterRegistry meters) {
        this.meters = Objects.requireNonNull(meters, "meters");
        return this;
    }

    /** More consumer settings ({@code max.poll.records}, timeouts…); commits, group and assignor stay the reader's. */
    public ReaderSettings config(Map<String, ?> more) {
        config.putAll(more);
        return this;
    }

    /** A reader on its own thread, not started yet. */
    public KafkaReader reader(ReaderListener listener) {
        return new KafkaReader(new ReaderSettings(this), Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Reads every partition, with no group, from its beginning to the end it had when the read began, on this thread.
     *
     * @param timeout the most each call for the partitions and their offsets may take, and then the reading itself, or
     *                {@code null} for the consumer's {@code default.api.timeout.ms} and no limit on the reading (a replay)
     * @return how many records were handed over
     * @throws IllegalStateException when the read does not reach the ends within the timeout
     */
    public long readToEnd(Duration timeout, ReadToEndListener listener) {
        ReaderSettings settings = new ReaderSettings(this);
        settings.group = null;
        settings.fromEnd = false;
        return KafkaReader.readToEnd(settings, timeout, Objects.requireNonNull(listener, "listener"));
    }

    String topic() {
        return topic;
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    String name() {
        return name;
    }

    String group() {
        return group;
    }

    boolean readsFromEnd() {
        return fromEnd;
    }

    String unavailable() {
        return unavailable;
    }

    Duration closeTimeout() {
        return closeTimeout;
    }

    /** The consumer's {@code default.api.timeout.ms}, for the calls made while a group hands partitions over. */
    Duration apiTimeout() {
        Object set = config.get(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG);
        return set == null ? Duration.ofSeconds(60) : Duration.ofMillis(Long.parseLong(set.toString()));
    }

    Counter skippedCounter() {
        return Counter.builder(SKIPPED_METRIC).tag("topic", topic).tag("reader", name)
                .description("records a Kafka reader could not take and skipped").register(meters);
    }

    Map<String, Object> consumerConfig() {
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, fromEnd ? "latest" : "earliest");
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        if (group == null) {
            c.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        }
        if (clientId != null) {
            c.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        }
        c.putAll(config);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        if (group == null) {
            c.remove(ConsumerConfig.GROUP_ID_CONFIG);
        } else {
            c.put(ConsumerConfig.GROUP_ID_CONFIG, group);
            c.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        }
        return c;
    }
}
