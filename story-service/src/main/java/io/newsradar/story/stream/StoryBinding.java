package io.newsradar.story.stream;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsradar.contracts.Topics;
import io.newsradar.story.StoryProperties;
import io.newsradar.story.event.StoryClusterer;
import io.newsradar.support.kafka.BeforeBindings;
import io.newsradar.support.kafka.BoundBatches;
import io.newsradar.support.kafka.DeadLetterWriter;
import io.newsradar.support.kafka.DeliveryAttempts;
import io.newsradar.support.kafka.KafkaProducers;
import io.newsradar.support.kafka.ProducerSettings;
import io.newsradar.support.kafka.ReaderSettings;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.messaging.Message;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stream binding: {@code story-in-0} ({@code news.articles.classified}, in batches) → {@link BatchStoryAssigner}
 * → {@code news.stories}, assignments keyed by article id and merges by {@code merged:<story>}, and
 * {@code news.articles.dlq} for what cannot be read. Output and dead letters go through one producer of this service's
 * own ({@link KafkaProducers}, from the binder's settings), so that a batch waits once for all its acknowledgements.
 * Before the binding starts, {@link WindowRestore} rebuilds the window from {@code news.stories}.
 */
@Configuration(proxyBeanMethods = false)
public class StoryBinding {

    private static final Bindable<Map<String, String>> STRING_MAP = Bindable.mapOf(String.class, String.class);

    @Bean
    StoryStage storyStage(StoryProperties properties, MeterRegistry meters) {
        StoryStage stage = new StoryStage(new StoryClusterer(properties.threshold()), Clock.systemUTC());
        Gauge.builder("newsradar.story.window", stage, StoryStage::windowSize)
                .description("Articles in the story window (the last 7 days behind the newest day)").register(meters);
        return stage;
    }

    @Bean(destroyMethod = "close")
    Producer<byte[], byte[]> storyProducer(Environment environment, StoryProperties properties, MeterRegistry meters) {
        return KafkaProducers.create(producerSettings(environment, properties), new ByteArraySerializer(),
                new ByteArraySerializer(), meters);
    }

    /** The failed deliveries of each batch, as the error handler reports them, for the dead letters' attempt count. */
    @Bean
    DeliveryAttempts storyDeliveryAttempts() {
        return new DeliveryAttempts();
    }

    @Bean
    DeadLetterWriter storyDeadLetters(Producer<byte[], byte[]> storyProducer, StoryProperties properties) {
        return new DeadLetterWriter(storyProducer, BatchStoryAssigner.STAGE, (int) properties.maxRecordSize().toBytes(),
                properties.sendTimeout(), Clock.systemUTC());
    }

    @Bean
    BatchStoryAssigner batchStoryAssigner(StoryStage storyStage, JsonMapper json, Producer<byte[], byte[]> storyProducer,
            DeadLetterWriter storyDeadLetters, DeliveryAttempts storyDeliveryAttempts, StoryProperties properties,
            MeterRegistry meters) {
        return new BatchStoryAssigner(storyStage, json, storyProducer, storyDeadLetters, storyDeliveryAttempts,
                properties.storiesTopic(), properties.sendTimeout(), (int) properties.maxRecordSize().toBytes(), meters);
    }

    @Bean
    Consumer<Message<List<?>>> story(BatchStoryAssigner assigner) {
        return batch -> assigner.assign(BoundBatches.values(batch.getPayload()), BoundBatches.sources(batch, Topics.ARTICLES_CLASSIFIED));
    }

    /**
     * Reads the window back before anything is consumed: a lifecycle of phase 0 starts before the bindings. A topic
     * that cannot be read within {@code restore-timeout} stops the start-up, with the reason.
     */
    @Bean
    SmartLifecycle storyWindowRestore(StoryStage storyStage, JsonMapper json, Environment environment,
            StoryProperties properties, MeterRegistry meters) {
        ReaderSettings settings = ReaderSettings.of(properties.storiesTopic(),
                        producerSettings(environment, properties).bootstrapServers(), "story-window")
                .clientId("story-service-window").meters(meters)
                .config(Binder.get(environment).bind("spring.cloud.stream.kafka.binder.configuration", STRING_MAP).orElse(Map.of()));
        Timer timer = Timer.builder("newsradar.story.restore").description("Reading the story window back on start")
                .register(meters);
        WindowRestore restore = new WindowRestore(settings, properties.storiesTopic(), json, properties.restoreTimeout(), timer);
        return BeforeBindings.run(() -> restore.restore(storyStage));
    }

    /**
     * Named in story-service.yml as the binding's error handler: a batch whose output the broker did not acknowledge
     * is delivered again with exponential backoff, without end, its offsets uncommitted meanwhile. A batch that fails
     * in a way the container holds not worth retrying has its records sent to the dead-letter topic, never discarded.
     */
    @Bean
    CommonErrorHandler storyErrorHandler(StoryProperties properties, DeadLetterWriter storyDeadLetters,
            DeliveryAttempts storyDeliveryAttempts) {
        return BoundBatches.retryingWithoutEnd(properties.retryInitialBackoff(), properties.retryMaxBackoff(), storyDeadLetters,
                storyDeliveryAttempts);
    }

    private static ProducerSettings producerSettings(Environment environment, StoryProperties properties) {
        return ProducerSettings.fromBinder(environment, "story-service-output", properties.sendTimeout(),
                (int) properties.maxRecordSize().toBytes());
    }
}
