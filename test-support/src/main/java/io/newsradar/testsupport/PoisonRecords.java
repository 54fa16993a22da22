package io.newsradar.testsupport;

import io.newsradar.contracts.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Records of every malformed and oversize kind a stage's input topic may hold, written to one partition, and the
 * dead letters they became: for the poison-record test of each stage. Each record's key is {@code run-kind}, so
 * that its dead letter can be found by key.
 */
public final class PoisonRecords {

    /** One poison record: what kind it is, and its value ({@code null} for a record without one). */
    public record Poison(String kind, byte[] value) {
    }

    /** The largest record the input topic takes while a test writes poison to it. */
    public static final int TOPIC_MAX_BYTES = 3 * 1024 * 1024;

    private PoisonRecords() {
    }

    /**
     * @param wrongEvent valid JSON of another event than the topic carries
     * @param oversize   a record over 1 MB, as the stage under test should meet it
     * @return every kind, in a fixed order
     */
    public static List<Poison> kinds(String wrongEvent, byte[] oversize) {
        List<Poison> kinds = new ArrayList<>();
        kinds.add(utf8("not-json", "headline: this is plain text, not an event"));
        kinds.add(utf8("truncated-json", "{\"articleId\": \"cut-short\", \"feedId\": \"f\", \"title\": \"The story st"));
        kinds.add(utf8("wrong-types", "{\"articleId\": {\"id\": 1}, \"feedId\": [1, 2], \"ingestedAt\": true,"
                + " \"article\": \"a string\", \"classifiedAt\": [], \"countries\": 7}"));
        kinds.add(utf8("nulls", "{\"schemaVersion\": null, \"articleId\": null, \"feedId\": null, \"ingestedAt\": null,"
                + " \"article\": null, \"classifierVersion\": null, \"classifiedAt\": null}"));
        kinds.add(utf8("blank-ids", "{\"articleId\": \"  \", \"feedId\": \"\\t\", \"ingestedAt\": \"2026-11-20T09:00:00Z\","
                + " \"article\": {\"articleId\": \" \", \"feedId\": \" \", \"ingestedAt\": \"2026-11-20T09:00:00Z\"},"
                + " \"classifierVersion\": \"v\", \"classifiedAt\": \"2026-11-20T09:00:01Z\"}"));
        kinds.add(utf8("deep-nesting", "{\"articleId\": " + "[".repeat(50_000) + "]".repeat(50_000) + "}"));
        kinds.add(new Poison("non-utf8", nonUtf8()));
        kinds.add(new Poison("empty", new byte[0]));
        kinds.add(new Poison("null-value", null));
        kinds.add(utf8("json-null", "null"));
        kinds.add(utf8("wrong-event", wrongEvent));
        kinds.add(new Poison("over-1mb", oversize));
        return kinds;
    }

    /**
     * Lets {@code topic} take records up to {@link #TOPIC_MAX_BYTES}, then writes the poison to {@code partition},
     * followed by {@code good} under {@code goodKey}, and waits for every send.
     */
    public static void send(String topic, int partition, String run, Collection<Poison> poison, String goodKey, byte[] good)
            throws Exception {
        String brokers = TestServers.kafka().bootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            admin.incrementalAlterConfigs(Map.of(resource, List.of(new AlterConfigOp(
                    new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(TOPIC_MAX_BYTES)),
                    AlterConfigOp.OpType.SET)))).all().get();
        }
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, TOPIC_MAX_BYTES);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (Poison p : poison) {
                producer.send(new ProducerRecord<>(topic, partition, key(run, p.kind()), p.value())).get();
            }
            producer.send(new ProducerRecord<>(topic, partition, goodKey.getBytes(StandardCharsets.UTF_8), good)).get();
        }
    }

    /** The dead letters in {@code dlqTopic} keyed {@code run-…}, by kind, once there are {@code expected} of them. */
    public static Map<String, ConsumerRecord<byte[], byte[]>> deadLetters(String dlqTopic, String run, int expected, Duration atMost) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka().bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "poison-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<String, ConsumerRecord<byte[], byte[]>> letters = new LinkedHashMap<>();
        String prefix = run + "-";
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(dlqTopic));
            Instant deadline = Instant.now().plus(atMost);
            while (letters.size() < expected && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(300))) {
                    String key = r.key() == null ? "" : new String(r.key(), StandardCharsets.UTF_8);
                    if (key.startsWith(prefix)) {
                        letters.put(key.substring(prefix.length()), r);
                    }
                }
            }
        }
        return letters;
    }

    /**
     * The dead letter's header set, as {@code contracts} defines it.
     *
     * @throws IllegalArgumentException when a header of the set is missing or malformed
     */
    public static DeadLetterHeaders headers(ConsumerRecord<byte[], byte[]> record) {
        return DeadLetterHeaders.read(name -> header(record, name));
    }

    /** The value of header {@code name}, as text, or {@code null}. */
    public static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] key(String run, String kind) {
        return (run + "-" + kind).getBytes(StandardCharsets.UTF_8);
    }

    private static Poison utf8(String kind, String json) {
        return new Poison(kind, json.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] nonUtf8() {
        byte[] start = "{\"articleId\": \"".getBytes(StandardCharsets.US_ASCII);
        byte[] invalid = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0x80};
        byte[] end = "\", \"feedId\": \"f\", \"ingestedAt\": \"2026-11-20T09:00:00Z\"}".getBytes(StandardCharsets.US_ASCII);
        byte[] value = new byte[start.length + invalid.length + end.length];
        System.arraycopy(start, 0, value, 0, start.length);
        System.arraycopy(invalid, 0, value, start.length, invalid.length);
        System.arraycopy(end, 0, value, start.length + invalid.length, end.length);
        return value;
    }
}
