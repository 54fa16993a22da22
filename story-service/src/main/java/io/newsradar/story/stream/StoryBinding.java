package io.newsradar.story.stream;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsradar.contracts.Topics;
import io.newsradar.story.StoryProperties;
import io.newsradar.story.event.StoryClusterer;
import io.newsradar.support.kafka.DeadLetterWriter;
import io.newsradar.support.kafka.DeliveryAttempts;
import io.newsradar.support.kafka.KafkaProducers;
import io.newsradar.support.kafka.ProducerSettings;
import io.newsradar.support.kafka.ReaderSettings;
import io.newsradar.support.kafka.RecordSource;
import java.time.Clock;
import java.util.ArrayList;
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
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.util.backoff.ExponentialBackOff;
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
        return batch -> assigner.assign(values(batch.getPayload()), sources(batch));
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
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                restore.restore(storyStage);
                running = true;
            }

            @Override
            public void stop() {
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                return 0;
            }
        };
    }

    /**
     * Named in story-service.yml as the binding's error handler: a batch whose output the broker did not acknowledge
     * is delivered again with exponential backoff, without end, its offsets uncommitted meanwhile. A batch that fails
     * in a way the container holds not worth retrying has its records sent to the dead-letter topic, never discarded.
     */
    @Bean
    CommonErrorHandler storyErrorHandler(StoryProperties properties, DeadLetterWriter storyDeadLetters,
            DeliveryAttempts storyDeliveryAttempts) {
        ExponentialBackOff backOff = new ExponentialBackOff(properties.retryInitialBackoff().toMillis(), 2.0);
        backOff.setMaxInterval(properties.retryMaxBackoff().toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        DefaultErrorHandler handler = new DefaultErrorHandler(storyDeadLetters.recoverer(storyDeliveryAttempts), backOff);
        handler.setRetryListeners(storyDeliveryAttempts);
        return handler;
    }

    private static ProducerSettings producerSettings(Environment environment, StoryProperties properties) {
        return ProducerSettings.fromBinder(environment, "story-service-output", properties.sendTimeout(),
                (int) properties.maxRecordSize().toBytes());
    }

    /** The batch's values as bytes; a record without a value (a tombstone) is {@code null}. */
    static List<byte[]> values(List<?> payload) {
        List<byte[]> values = new ArrayList<>(payload.size());
        for (Object value : payload) {
            values.add(RecordSource.bytes(value));
        }
        return values;
    }

    /**
     * Topic, partition, offset and key of each record of a batch, from the binder's list-valued headers.
     *
     * @throws IllegalStateException when the batch has fewer values than records (a message converter dropped some)
     */
    static List<RecordSource> sources(Message<? extends List<?>> batch) {
        List<?> topics = list(batch, KafkaHeaders.RECEIVED_TOPIC);
        List<?> keys = list(batch, KafkaHeaders.RECEIVED_KEY);
        List<?> partitions = list(batch, KafkaHeaders.RECEIVED_PARTITION);
        List<?> offsets = list(batch, KafkaHeaders.OFFSET);
        int size = batch.getPayload().size();
        if (offsets.size() > size) {
            throw new IllegalStateException("the binder delivered " + size + " values for a batch of " + offsets.size()
                    + " records; spring.cloud.stream.bindings.story-in-0.content-type must be application/octet-stream");
        }
        List<RecordSource> sources = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Object topic = i < topics.size() ? topics.get(i) : null;
            Object partition = i < partitions.size() ? partitions.get(i) : null;
            Object offset = i < offsets.size() ? offsets.get(i) : null;
            sources.add(new RecordSource(topic instanceof String name ? name : Topics.ARTICLES_CLASSIFIED,
                    partition instanceof Number n ? n.intValue() : -1, offset instanceof Number n ? n.longValue() : -1,
                    i < keys.size() ? RecordSource.bytes(keys.get(i)) : null));
        }
        return sources;
    }

    private static List<?> list(Message<?> message, String header) {
        return message.getHeaders().get(header) instanceof List<?> values ? values : List.of();
    }
}
