package io.newsradar.classify.stream;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsradar.classify.ClassifyProperties;
import io.newsradar.classify.Classifier;
import io.newsradar.contracts.Topics;
import io.newsradar.support.kafka.DeadLetterWriter;
import io.newsradar.support.kafka.DeliveryAttempts;
import io.newsradar.support.kafka.KafkaProducers;
import io.newsradar.support.kafka.ProducerSettings;
import io.newsradar.support.kafka.RecordSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * The stream binding: {@code classify-in-0} ({@code news.articles.raw}, in batches) → {@link BatchClassifier} →
 * {@code news.articles.classified}, keyed by article id, and {@code news.articles.dlq} for what cannot be read or
 * classified. The output and the dead letters go through one producer of this service's own ({@link KafkaProducers},
 * from the binder's settings), so that a batch waits once for all its acknowledgements (see docs/adr/0012).
 */
@Configuration(proxyBeanMethods = false)
public class ClassifyBinding {

    private static final Logger log = LoggerFactory.getLogger(ClassifyBinding.class);

    /** Loaded once at start-up: a malformed data file stops the service with the file and line at fault. */
    @Bean
    Classifier classifier(ClassifyProperties properties) {
        Classifier classifier = Classifier.load(properties.dataDir(), Clock.systemUTC());
        log.atInfo().addKeyValue("version", classifier.version()).addKeyValue("dataDir", properties.dataDir())
                .log("classifier loaded");
        return classifier;
    }

    /**
     * The producer of classified articles and dead letters: the binder's brokers and client settings, the send
     * timeout, and a request that takes a record of {@code max-record-size}, which records are checked against before
     * they are sent.
     */
    @Bean(destroyMethod = "close")
    Producer<byte[], byte[]> classifiedProducer(Environment environment, ClassifyProperties properties, MeterRegistry meters) {
        return KafkaProducers.create(ProducerSettings.fromBinder(environment, "classify-service-output", properties.sendTimeout(),
                (int) properties.maxRecordSize().toBytes()), new ByteArraySerializer(), new ByteArraySerializer(), meters);
    }

    /** The failed deliveries of each batch, as the error handler reports them, for the dead letters' attempt count. */
    @Bean
    DeliveryAttempts classifyDeliveryAttempts() {
        return new DeliveryAttempts();
    }

    @Bean
    DeadLetterWriter classifyDeadLetters(Producer<byte[], byte[]> classifiedProducer, ClassifyProperties properties) {
        return new DeadLetterWriter(classifiedProducer, BatchClassifier.STAGE, (int) properties.maxRecordSize().toBytes(),
                properties.sendTimeout(), Clock.systemUTC());
    }

    @Bean
    BatchClassifier batchClassifier(Classifier classifier, JsonMapper json, Producer<byte[], byte[]> classifiedProducer,
            DeadLetterWriter classifyDeadLetters, DeliveryAttempts classifyDeliveryAttempts, ClassifyProperties properties,
            MeterRegistry meters) {
        return new BatchClassifier(classifier, json, classifiedProducer, classifyDeadLetters, classifyDeliveryAttempts,
                properties.sendTimeout(), (int) properties.maxRecordSize().toBytes(), meters);
    }

    @Bean
    Consumer<Message<List<?>>> classify(BatchClassifier classifier) {
        return batch -> classifier.classify(values(batch.getPayload()), sources(batch));
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
     * Named in classify-service.yml as the binding's error handler: a batch whose output the broker did not
     * acknowledge is delivered again with exponential backoff, without end, its offsets uncommitted meanwhile, and
     * each failed delivery is counted. A batch that fails in a way the container holds not worth retrying has its
     * records sent to the dead-letter topic, never discarded.
     */
    @Bean
    CommonErrorHandler classifyErrorHandler(ClassifyProperties properties, DeadLetterWriter classifyDeadLetters,
            DeliveryAttempts classifyDeliveryAttempts) {
        ExponentialBackOff backOff = new ExponentialBackOff(properties.retryInitialBackoff().toMillis(), 2.0);
        backOff.setMaxInterval(properties.retryMaxBackoff().toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        DefaultErrorHandler handler = new DefaultErrorHandler(classifyDeadLetters.recoverer(classifyDeliveryAttempts), backOff);
        handler.setRetryListeners(classifyDeliveryAttempts);
        return handler;
    }

    /**
     * Topic, partition, offset and key of each record of a batch, from the binder's list-valued headers.
     *
     * @throws IllegalStateException when the batch has fewer values than records: a message converter dropped what
     *                               it could not convert (a binding content type other than octet-stream does), and
     *                               the batch must not be committed
     */
    static List<RecordSource> sources(Message<? extends List<?>> batch) {
        List<?> topics = list(batch, KafkaHeaders.RECEIVED_TOPIC);
        List<?> keys = list(batch, KafkaHeaders.RECEIVED_KEY);
        List<?> partitions = list(batch, KafkaHeaders.RECEIVED_PARTITION);
        List<?> offsets = list(batch, KafkaHeaders.OFFSET);
        int size = batch.getPayload().size();
        if (offsets.size() > size) {
            throw new IllegalStateException("the binder delivered " + size + " values for a batch of " + offsets.size()
                    + " records; spring.cloud.stream.bindings.classify-in-0.content-type must be application/octet-stream");
        }
        List<RecordSource> sources = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Object topic = i < topics.size() ? topics.get(i) : null;
            Object key = i < keys.size() ? keys.get(i) : null;
            Object partition = i < partitions.size() ? partitions.get(i) : null;
            Object offset = i < offsets.size() ? offsets.get(i) : null;
            sources.add(new RecordSource(topic instanceof String name ? name : Topics.ARTICLES_RAW,
                    partition instanceof Number n ? n.intValue() : -1, offset instanceof Number n ? n.longValue() : -1,
                    key instanceof byte[] bytes ? bytes : null));
        }
        return sources;
    }

    private static List<?> list(Message<?> message, String header) {
        return message.getHeaders().get(header) instanceof List<?> values ? values : List.of();
    }
}
