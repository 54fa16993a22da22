package io.newsradar.story.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsradar.contracts.ClassifiedArticle;
import io.newsradar.contracts.DeadLetterHeaders;
import io.newsradar.contracts.StoryAssignment;
import io.newsradar.contracts.Topics;
import io.newsradar.story.ClassifiedFixtures;
import io.newsradar.story.event.StoryClusterer;
import io.newsradar.support.kafka.DeadLetterWriter;
import io.newsradar.support.kafka.DeliveryAttempts;
import io.newsradar.support.kafka.RecordSource;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** One batch, one wait: the stories and the dead letters of a batch are all acknowledged before it returns. */
class BatchStoryAssignerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String STORIES = "unit.stories";

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final MockProducer<byte[], byte[]> producer = new MockProducer<>(false, null, new ByteArraySerializer(),
            new ByteArraySerializer());
    private final List<ClassifiedArticle> articles = ClassifiedFixtures.read("fire-engines.jsonl");
    private final BatchStoryAssigner assigner = new BatchStoryAssigner(new StoryStage(new StoryClusterer(), Clock.systemUTC()),
            JSON, producer, new DeadLetterWriter(producer, BatchStoryAssigner.STAGE, 1_000_000, Duration.ofSeconds(5), Clock.systemUTC()),
            new DeliveryAttempts(), STORIES, Duration.ofSeconds(5), 1_000_000, meters);

    @Test
    void aBadRecordIsADeadLetterAndTheRestOfTheBatchGetsItsStories() throws Exception {
        List<byte[]> batch = List.of(json(articles.get(0)), "headline: not an article".getBytes(StandardCharsets.UTF_8),
                json(articles.get(1)));
        List<RecordSource> sources = List.of(source(10), source(11), source(12));

        CompletableFuture<Void> done = CompletableFuture.runAsync(() -> assigner.assign(batch, sources));
        awaitHistory(3);
        assertThat(done).as("the batch before any acknowledgement").isNotDone();
        producer.completeNext();
        producer.completeNext();
        assertThat(done).as("the batch with one record unacknowledged").isNotDone();
        producer.completeNext();
        done.get(10, TimeUnit.SECONDS);

        List<ProducerRecord<byte[], byte[]>> sent = producer.history();
        assertThat(sent).extracting(ProducerRecord::topic).containsExactly(STORIES, Topics.ARTICLES_DLQ, STORIES);
        StoryAssignment second = JSON.readValue(sent.get(2).value(), StoryAssignment.class);
        assertThat(new String(sent.get(2).key(), StandardCharsets.UTF_8)).isEqualTo("fe-vi-bay");
        assertThat(second.storyId()).isEqualTo("fe-en-coast");
        DeadLetterHeaders letter = DeadLetterHeaders.read(name -> {
            var header = sent.get(1).headers().lastHeader(name);
            return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        });
        assertThat(letter.stage()).isEqualTo("story-service");
        assertThat(letter.error()).startsWith("story-service could not read a ClassifiedArticle");
        assertThat(letter.originalOffset()).isEqualTo(11);
        assertThat(count("new-story")).isEqualTo(1);
        assertThat(count("joined")).isEqualTo(1);
        assertThat(count("dead-lettered")).isEqualTo(1);
    }

    @Test
    void aBatchWhoseOutputIsRefusedFailsAndItsRedeliveryGivesTheSameStories() throws Exception {
        List<byte[]> batch = List.of(json(articles.get(0)), json(articles.get(1)));
        CompletableFuture<Void> failed = CompletableFuture.runAsync(() -> assigner.assign(batch, List.of()));
        awaitHistory(2);
        producer.completeNext();
        producer.errorNext(new NotEnoughReplicasException("not enough in-sync replicas"));

        assertThatThrownBy(() -> failed.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(BatchStoryAssigner.OutputNotAcknowledgedException.class)
                .hasMessageContaining("will be delivered again");
        assertThat(count("new-story") + count("joined")).as("nothing counted for a failed batch").isZero();

        List<ProducerRecord<byte[], byte[]>> first = new ArrayList<>(producer.history());
        CompletableFuture<Void> again = CompletableFuture.runAsync(() -> assigner.assign(batch, List.of()));
        awaitHistory(4);
        producer.completeNext();
        producer.completeNext();
        again.get(10, TimeUnit.SECONDS);

        List<ProducerRecord<byte[], byte[]>> second = producer.history().subList(2, 4);
        for (int i = 0; i < 2; i++) {
            assertThat(second.get(i).value()).as("record %d delivered again", i).isEqualTo(first.get(i).value());
        }
        assertThat(count("again")).isEqualTo(2);
        assertThat(count("new-story")).isZero();
    }

    private double count(String outcome) {
        return meters.get("newsradar.story.articles").tag("outcome", outcome).counter().count();
    }

    private static RecordSource source(long offset) {
        return new RecordSource(Topics.ARTICLES_CLASSIFIED, 0, offset, null);
    }

    private static byte[] json(ClassifiedArticle article) {
        return JSON.writeValueAsBytes(article);
    }

    private void awaitHistory(int sends) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (producer.history().size() < sends && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(producer.history()).as("records sent").hasSize(sends);
    }
}
