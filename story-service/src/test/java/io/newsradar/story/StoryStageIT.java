package io.newsradar.story;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsradar.contracts.ClassifiedArticle;
import io.newsradar.contracts.DeadLetterHeaders;
import io.newsradar.contracts.StoryAssignment;
import io.newsradar.contracts.Topics;
import io.newsradar.testsupport.PoisonRecords;
import io.newsradar.testsupport.TestServers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The story stage against a real Kafka: reports of one event from three feeds in English and Vietnamese become one
 * story, another event opens its own, a bad record is a dead letter and the next record still gets its story; a
 * restarted stage (a new application context on the same topics and group) gives a later report of the event the same
 * story, and an article delivered again its assignment again; the same input into a second set of topics gives the
 * same story ids.
 */
class StoryStageIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(40);

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, ClassifiedArticle> fixture = new LinkedHashMap<>();
    private KafkaProducer<byte[], byte[]> producer;
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void setUp() {
        ClassifiedFixtures.read("fire-engines.jsonl").forEach(a -> fixture.put(a.articleId(), a));
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers(), ProducerConfig.ACKS_CONFIG, "all"),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    @AfterEach
    void tearDown() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        producer.close();
    }

    @Test
    void oneEventIsOneStoryAcrossFeedsLanguagesRestartsAndReplays() throws Exception {
        String input = "it-" + run + ".classified";
        String stories = "it-" + run + ".stories";
        createTopics(input, stories);
        StoriesTopic out = opened(new StoriesTopic(stories));

        ConfigurableApplicationContext first = start(input, stories, "story-it-" + run);
        Map<String, String> firstRun = new LinkedHashMap<>();
        for (String id : List.of("fe-en-coast", "fe-vi-bay")) {
            firstRun.put(id, sendAndAwait(input, out, id).storyId());
        }
        sendBad(input);
        for (String id : List.of("fe-en-harbour", "jf-en-osaka")) {
            firstRun.put(id, sendAndAwait(input, out, id).storyId());
        }

        assertThat(firstRun).containsEntry("fe-en-coast", "fe-en-coast").containsEntry("fe-vi-bay", "fe-en-coast")
                .containsEntry("fe-en-harbour", "fe-en-coast").containsEntry("jf-en-osaka", "jf-en-osaka");
        Map<String, ConsumerRecord<byte[], byte[]>> letters = PoisonRecords.deadLetters(Topics.ARTICLES_DLQ, run, 1, WAIT);
        assertThat(letters).containsOnlyKeys("not-json");
        ConsumerRecord<byte[], byte[]> letter = letters.get("not-json");
        assertThat(PoisonRecords.header(letter, DeadLetterHeaders.STAGE)).isEqualTo("story-service");
        assertThat(PoisonRecords.header(letter, DeadLetterHeaders.ERROR)).startsWith("story-service could not read a ClassifiedArticle");
        assertThat(PoisonRecords.header(letter, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(input);
        MeterRegistry meters = first.getBean(MeterRegistry.class);
        assertThat(meters.get("newsradar.story.articles").tag("outcome", "new-story").counter().count()).isEqualTo(2);
        assertThat(meters.get("newsradar.story.articles").tag("outcome", "joined").counter().count()).isEqualTo(2);
        assertThat(meters.get("newsradar.story.articles").tag("outcome", "dead-lettered").counter().count()).isEqualTo(1);
        assertThat(meters.get("newsradar.story.window").gauge().value()).isEqualTo(4);
        first.close();

        ConfigurableApplicationContext restarted = start(input, stories, "story-it-" + run);
        StoryAssignment later = sendAndAwait(input, out, "fe-fr-rive");
        StoryAssignment before = out.latest("fe-vi-bay");
        send(input, "fe-vi-bay");
        StoryAssignment again = out.await("fe-vi-bay", 2);

        assertThat(later.storyId()).as("a later report after the restart").isEqualTo("fe-en-coast");
        assertThat(again).as("an article delivered again").isEqualTo(before);
        MeterRegistry restartedMeters = restarted.getBean(MeterRegistry.class);
        assertThat(restartedMeters.get("newsradar.story.restore").timer().count()).isEqualTo(1);
        assertThat(restartedMeters.get("newsradar.story.window").gauge().value()).isEqualTo(5);
        assertThat(restartedMeters.get("newsradar.story.articles").tag("outcome", "again").counter().count()).isEqualTo(1);
        firstRun.put("fe-fr-rive", later.storyId());
        restarted.close();

        String replayInput = "it-" + run + ".replay-classified";
        String replayStories = "it-" + run + ".replay-stories";
        createTopics(replayInput, replayStories);
        StoriesTopic replayOut = opened(new StoriesTopic(replayStories));
        start(replayInput, replayStories, "story-it-replay-" + run);
        Map<String, String> replay = new LinkedHashMap<>();
        for (String id : List.of("fe-en-coast", "fe-vi-bay", "fe-en-harbour", "jf-en-osaka", "fe-fr-rive")) {
            replay.put(id, sendAndAwait(replayInput, replayOut, id).storyId());
        }

        assertThat(replay).isEqualTo(firstRun);
    }

    private StoryAssignment sendAndAwait(String topic, StoriesTopic out, String articleId) throws Exception {
        send(topic, articleId);
        return out.await(articleId, 1);
    }

    /** Every record goes to partition 0, so the stage reads them in the order they are sent. */
    private void send(String topic, String articleId) throws Exception {
        producer.send(new ProducerRecord<>(topic, 0, utf8(articleId), JSON.writeValueAsBytes(fixture.get(articleId)))).get();
    }

    private void sendBad(String topic) throws Exception {
        producer.send(new ProducerRecord<>(topic, 0, utf8(run + "-not-json"), utf8("headline: not a classified article"))).get();
    }

    private ConfigurableApplicationContext start(String input, String stories, String group) {
        ConfigurableApplicationContext context = StoryApplication.application().run(
                "--server.port=0",
                "--spring.cloud.stream.kafka.binder.brokers=" + brokers(),
                "--spring.cloud.stream.bindings.story-in-0.destination=" + input,
                "--spring.cloud.stream.bindings.story-in-0.group=" + group,
                "--newsradar.story.stories-topic=" + stories);
        open.add(context);
        return context;
    }

    private <T extends AutoCloseable> T opened(T closeable) {
        open.add(closeable);
        return closeable;
    }

    private static void createTopics(String input, String stories) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers()))) {
            admin.createTopics(List.of(new NewTopic(input, 3, (short) 1),
                    new NewTopic(stories, 3, (short) 1).configs(Map.of("cleanup.policy", "compact")))).all().get();
        }
    }

    private static String brokers() {
        return TestServers.kafka().bootstrapServers();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Every assignment on a stories topic, as read from its beginning, by article id. */
    private static final class StoriesTopic implements AutoCloseable {

        private final KafkaConsumer<String, byte[]> consumer;
        private final Map<String, List<StoryAssignment>> seen = new HashMap<>();

        StoriesTopic(String topic) {
            consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers()), new StringDeserializer(),
                    new ByteArrayDeserializer());
            List<TopicPartition> partitions = List.of(new TopicPartition(topic, 0), new TopicPartition(topic, 1),
                    new TopicPartition(topic, 2));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        /** The {@code n}th assignment of the article (1 for its first), once it is there. */
        StoryAssignment await(String articleId, int n) {
            Instant deadline = Instant.now().plus(WAIT);
            while (seen.getOrDefault(articleId, List.of()).size() < n && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (!r.key().startsWith("merged:")) {
                        seen.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(JSON.readValue(r.value(), StoryAssignment.class));
                    }
                }
            }
            List<StoryAssignment> of = seen.getOrDefault(articleId, List.of());
            assertThat(of).as("assignments of %s", articleId).hasSizeGreaterThanOrEqualTo(n);
            return of.get(n - 1);
        }

        StoryAssignment latest(String articleId) {
            List<StoryAssignment> of = seen.get(articleId);
            return of.get(of.size() - 1);
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
