package io.newsradar.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsradar.testsupport.TestServers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shared reader against a real broker: each idiom on a topic of its own, three partitions. */
class KafkaReaderIT {

    private static final Duration AT_MOST = Duration.ofSeconds(30);
    private static String servers;
    private static Admin admin;
    private static KafkaProducer<String, byte[]> producer;

    private final List<AutoCloseable> opened = new ArrayList<>();

    @BeforeAll
    static void connect() {
        servers = TestServers.kafka().bootstrapServers();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers));
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void disconnect() {
        producer.close();
        admin.close();
    }

    @AfterEach
    void closeReaders() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
    }

    @Test
    void aViewLoadsTheTopicSaysWhenItIsCaughtUpAndFollowsIt() throws Exception {
        // Given a topic holding a replaced value, a removed key and a kept one
        String topic = topic();
        send(topic, "hanoi", "first");
        send(topic, "hanoi", "second");
        send(topic, "hue", "gone soon");
        send(topic, "hue", null);
        send(topic, "da-nang", "kept");

        // When a view reads it
        CompactedView<String> view = open(new CompactedView<>(ReaderSettings.of(topic, servers, "test-view"), KafkaReaderIT::text));
        view.start();

        // Then it is caught up with the latest value of each key that is left
        assertThat(view.awaitCaughtUp(deadline())).isTrue();
        assertThat(view.values()).containsExactlyInAnyOrderEntriesOf(Map.of("hanoi", "second", "da-nang", "kept"));
        assertThat(view.partitions()).hasSize(3);

        // And what is written later is visible once the view has read up to it
        RecordMetadata written = send(topic, "hue", "back");
        assertThat(view.awaitPositions(Map.of(written.partition(), written.offset() + 1), deadline())).isTrue();
        assertThat(view.values()).containsEntry("hue", "back");
    }

    @Test
    void aRecordItCannotTakeIsSkippedAndCountedAndTheNextOneIsRead() throws Exception {
        String topic = topic();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        sendTo(topic, 0, "bad", "not readable");
        sendTo(topic, 0, null, "no key");
        sendTo(topic, 0, "good", "readable");

        CompactedView<String> view = open(new CompactedView<>(ReaderSettings.of(topic, servers, "test-skips").meters(meters),
                (key, bytes) -> {
                    String value = text(key, bytes);
                    if (value.startsWith("not")) {
                        throw new IllegalArgumentException("the value is " + value);
                    }
                    return value;
                }));
        view.start();

        assertThat(view.awaitCaughtUp(deadline())).isTrue();
        assertThat(view.values()).containsExactlyEntriesOf(Map.of("good", "readable"));
        assertThat(view.skipped()).isEqualTo(2);
        assertThat(meters.get(ReaderSettings.SKIPPED_METRIC).tag("topic", topic).tag("reader", "test-skips").counter().count())
                .isEqualTo(2.0);
    }

    @Test
    void readersFromTheEndEachSeeEverythingWrittenAfterTheyStartedAndNothingBefore() throws Exception {
        // Given a record written before two instances start reading from the end
        String topic = topic();
        send(topic, "before", "old news");
        List<String> first = new CopyOnWriteArrayList<>();
        List<String> second = new CopyOnWriteArrayList<>();
        KafkaReader a = open(ReaderSettings.of(topic, servers, "test-live-a").fromEnd().reader(r -> first.add(r.key())));
        KafkaReader b = open(ReaderSettings.of(topic, servers, "test-live-b").fromEnd().reader(r -> second.add(r.key())));
        a.start();
        b.start();
        assertThat(a.awaitAssigned(deadline())).isTrue();
        assertThat(b.awaitAssigned(deadline())).isTrue();

        // When records are written to every partition
        sendTo(topic, 0, "after-0", "new");
        sendTo(topic, 1, "after-1", "new");
        sendTo(topic, 2, "after-2", "new");

        // Then both instances get all of them, and not the earlier one
        await().atMost(AT_MOST).untilAsserted(() -> {
            assertThat(first).containsExactlyInAnyOrder("after-0", "after-1", "after-2");
            assertThat(second).containsExactlyInAnyOrder("after-0", "after-1", "after-2");
        });
    }

    @Test
    void waitsForATopicThatDoesNotExistYetWithoutCreatingIt() throws Exception {
        String topic = "reader-it-later-" + UUID.randomUUID();
        CompactedView<String> view = open(new CompactedView<>(ReaderSettings.of(topic, servers, "test-later"), KafkaReaderIT::text));
        view.start();

        assertThat(view.awaitAssigned(System.nanoTime() + Duration.ofSeconds(1).toNanos())).isFalse();
        assertThat(admin.listTopics().names().get()).doesNotContain(topic);

        admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        send(topic, "vinh", "arrived");
        await().atMost(AT_MOST).untilAsserted(() -> assertThat(view.values()).containsEntry("vinh", "arrived"));
    }

    @Test
    void membersOfAGroupShareThePartitionsAndTheOneLeftTakesThemAllWhenTheOtherCloses() throws Exception {
        String topic = topic();
        String group = "reader-it-" + UUID.randomUUID();
        Ownership ownedByA = new Ownership();
        Ownership ownedByB = new Ownership();
        KafkaReader a = open(ReaderSettings.of(topic, servers, "test-group-a").group(group).reader(ownedByA));
        KafkaReader b = open(ReaderSettings.of(topic, servers, "test-group-b").group(group).reader(ownedByB));
        a.start();
        b.start();

        await().atMost(AT_MOST).untilAsserted(() -> {
            assertThat(ownedByA.partitions).isNotEmpty();
            assertThat(ownedByB.partitions).isNotEmpty();
            assertThat(ownedByA.partitions).doesNotContainAnyElementsOf(ownedByB.partitions);
            assertThat(ownedByA.partitions.size() + ownedByB.partitions.size()).isEqualTo(3);
        });

        b.close();

        assertThat(ownedByB.stopped).isTrue();
        assertThat(b.alive()).isFalse();
        await().atMost(AT_MOST).untilAsserted(() -> assertThat(ownedByA.partitions).hasSize(3));
        assertThat(a.awaitCaughtUp(deadline())).isTrue();
    }

    @Test
    void aGroupMemberReadsEachPartitionItIsGivenFromItsBeginning() throws Exception {
        String topic = topic();
        sendTo(topic, 0, "hai-phong", "one");
        sendTo(topic, 2, "can-tho", "two");
        Ownership owned = new Ownership();
        KafkaReader reader = open(ReaderSettings.of(topic, servers, "test-group-read").group("reader-it-" + UUID.randomUUID())
                .reader(owned));
        reader.start();

        assertThat(reader.awaitCaughtUp(deadline())).isTrue();
        assertThat(owned.keys).containsExactlyInAnyOrder("hai-phong", "can-tho");
        assertThat(owned.endsGiven).containsEntry(new TopicPartition(topic, 0), 1L).containsEntry(new TopicPartition(topic, 2), 1L);
    }

    @Test
    void aBoundedReadHandsOverWhatTheTopicHeldAndEnds() {
        String topic = topic();
        for (int i = 0; i < 7; i++) {
            send(topic, "item-" + i, "value " + i);
        }
        List<String> keys = new ArrayList<>();
        long[] announced = new long[2];
        boolean[] last = new boolean[1];

        long read = ReaderSettings.of(topic, servers, "test-once").readToEnd(Duration.ofSeconds(20), new ReadToEndListener() {
            @Override
            public void starting(long records, int partitions) {
                announced[0] = records;
                announced[1] = partitions;
            }

            @Override
            public void batch(List<ConsumerRecord<String, byte[]>> records, boolean done) {
                records.forEach(r -> keys.add(r.key()));
                last[0] = done;
            }
        });

        assertThat(read).isEqualTo(7);
        assertThat(announced).containsExactly(7, 3);
        assertThat(keys).hasSize(7).containsAll(List.of("item-0", "item-6"));
        assertThat(last[0]).isTrue();
    }

    @Test
    void aBoundedReadOfATopicThatDoesNotExistReadsNothing() {
        long[] partitions = {-1};
        long read = ReaderSettings.of("reader-it-absent-" + UUID.randomUUID(), servers, "test-absent")
                .readToEnd(Duration.ofSeconds(10), new ReadToEndListener() {
                    @Override
                    public void starting(long records, int count) {
                        partitions[0] = count;
                    }

                    @Override
                    public void batch(List<ConsumerRecord<String, byte[]>> records, boolean done) {
                        throw new AssertionError("nothing to hand over");
                    }
                });

        assertThat(read).isZero();
        assertThat(partitions[0]).isZero();
    }

    @Test
    void closingAReaderNeverStartedDoesNothing() {
        KafkaReader reader = ReaderSettings.of(topic(), servers, "test-unstarted").reader(r -> {
        });

        reader.close();

        assertThat(reader.alive()).isFalse();
        assertThat(reader.partitions()).isEmpty();
    }

    /** What a group member was given, taken and read. */
    private static final class Ownership implements ReaderListener {

        final Set<TopicPartition> partitions = ConcurrentHashMap.newKeySet();
        final Map<TopicPartition, Long> endsGiven = new ConcurrentHashMap<>();
        final List<String> keys = new CopyOnWriteArrayList<>();
        volatile boolean stopped;

        @Override
        public void record(ConsumerRecord<String, byte[]> record) {
            keys.add(record.key());
        }

        @Override
        public void assigned(Map<TopicPartition, Long> ends) {
            partitions.addAll(ends.keySet());
            endsGiven.putAll(ends);
        }

        @Override
        public void revoked(Collection<TopicPartition> taken) {
            partitions.removeAll(taken);
        }

        @Override
        public void stopped() {
            stopped = true;
        }
    }

    private <T extends AutoCloseable> T open(T closeable) {
        opened.add(closeable);
        return closeable;
    }

    private static String topic() {
        String topic = "reader-it-" + UUID.randomUUID();
        try {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot create " + topic, e);
        }
        return topic;
    }

    private static long deadline() {
        return System.nanoTime() + AT_MOST.toNanos();
    }

    private static String text(String key, byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static RecordMetadata send(String topic, String key, String value) {
        return sendTo(topic, null, key, value);
    }

    private static RecordMetadata sendTo(String topic, Integer partition, String key, String value) {
        try {
            byte[] bytes = value == null ? null : value.getBytes(StandardCharsets.UTF_8);
            return producer.send(new ProducerRecord<>(topic, partition, key, bytes)).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot write to " + topic, e);
        }
    }
}
