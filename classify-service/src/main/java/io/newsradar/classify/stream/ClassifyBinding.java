package io.newsradar.classify.stream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.newsradar.classify.ClassifyProperties;
import io.newsradar.classify.Classifier;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
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
 * classified. The output goes through one idempotent {@code acks=all} producer of this service's own, configured from
 * the binder's settings, so that a batch waits once for all its acknowledgements (see docs/adr/0012).
 */
@Configuration(proxyBeanMethods = false)
public class ClassifyBinding {

    private static final Logger log = LoggerFactory.getLogger(ClassifyBinding.class);
    private static final String BINDER = "spring.cloud.stream.kafka.binder";
    private static final Bindable<Map<String, String>> STRING_MAP = Bindable.mapOf(String.class, String.class);

    /** Loaded once at start-up: a malformed data file stops the service with the file and line at fault. */
    @Bean
    Classifier classifier(ClassifyProperties properties) {
        Classifier classifier = Classifier.load(properties.dataDir(), Clock.systemUTC());
        log.atInfo().addKeyValue("version", classifier.version()).addKeyValue("dataDir", properties.dataDir())
                .log("classifier loaded");
        return classifier;
    }

    /**
     * The producer of classified articles and dead letters: the binder's brokers, {@code configuration} and
     * {@code producer-properties} ({@code spring.cloud.stream.kafka.binder.*}), with
     * {@code acks=all} and idempotence, and a delivery timeout equal to the send timeout, so that a send reported
     * as failed is not delivered later.
     */
    @Bean(destroyMethod = "close")
    Producer<byte[], byte[]> classifiedProducer(Environment environment, ClassifyProperties properties, MeterRegistry meters) {
        Binder settings = Binder.get(environment);
        Map<String, Object> config = new HashMap<>(settings.bind(BINDER + ".configuration", STRING_MAP).orElse(Map.of()));
        config.putAll(settings.bind(BINDER + ".producer-properties", STRING_MAP).orElse(Map.of()));
        int timeout = (int) properties.sendTimeout().toMillis();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                String.join(",", settings.bind(BINDER + ".brokers", Bindable.listOf(String.class)).orElse(List.of("localhost:9092"))));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1000, Math.min(30_000, timeout / 2)));
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        // Records are checked against max-record-size before they are sent; the request must take one of that size.
        config.putIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, (int) Math.max(1024 * 1024, properties.maxRecordSize().toBytes() + 64 * 1024));
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "classify-service-output");
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
        new KafkaClientMetrics(producer).bindTo(meters);
        return producer;
    }

    @Bean
    BatchClassifier batchClassifier(Classifier classifier, JsonMapper json, Producer<byte[], byte[]> classifiedProducer,
            ClassifyProperties properties, MeterRegistry meters) {
        return new BatchClassifier(classifier, json, classifiedProducer, properties.sendTimeout(),
                (int) properties.maxRecordSize().toBytes(), meters);
    }

    @Bean
    Consumer<Message<List<?>>> classify(BatchClassifier classifier) {
        return batch -> classifier.classify(values(batch.getPayload()), sources(batch));
    }

    /** The batch's values as bytes; a record without a value (a tombstone) is {@code null}. */
    static List<byte[]> values(List<?> payload) {
        List<byte[]> values = new ArrayList<>(payload.size());
        for (Object value : payload) {
            values.add(value instanceof byte[] || value instanceof String ? DeadLetterRecoverer.bytes(value) : null);
        }
        return values;
    }

    /**
     * Named in classify-service.yml as the binding's error handler: a batch whose output the broker did not
     * acknowledge is delivered again with exponential backoff, without end, its offsets uncommitted meanwhile.
     */
    @Bean
    CommonErrorHandler classifyErrorHandler(ClassifyProperties properties) {
        ExponentialBackOff backOff = new ExponentialBackOff(properties.retryInitialBackoff().toMillis(), 2.0);
        backOff.setMaxInterval(properties.retryMaxBackoff().toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        return new DefaultErrorHandler(backOff);
    }

    /**
     * Key, partition and offset of each record of a batch, from the binder's list-valued headers.
     *
     * @throws IllegalStateException when the batch has fewer values than records: a message converter dropped what
     *                               it could not convert (a binding content type other than octet-stream does), and
     *                               the batch must not be committed
     */
    static List<BatchClassifier.Source> sources(Message<? extends List<?>> batch) {
        List<?> keys = list(batch, KafkaHeaders.RECEIVED_KEY);
        List<?> partitions = list(batch, KafkaHeaders.RECEIVED_PARTITION);
        List<?> offsets = list(batch, KafkaHeaders.OFFSET);
        int size = batch.getPayload().size();
        if (offsets.size() > size) {
            throw new IllegalStateException("the binder delivered " + size + " values for a batch of " + offsets.size()
                    + " records; spring.cloud.stream.bindings.classify-in-0.content-type must be application/octet-stream");
        }
        List<BatchClassifier.Source> sources = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Object key = i < keys.size() ? keys.get(i) : null;
            Object partition = i < partitions.size() ? partitions.get(i) : null;
            Object offset = i < offsets.size() ? offsets.get(i) : null;
            sources.add(new BatchClassifier.Source(key instanceof byte[] bytes ? bytes : null,
                    partition instanceof Number n ? n.intValue() : -1, offset instanceof Number n ? n.longValue() : -1));
        }
        return sources;
    }

    private static List<?> list(Message<?> message, String header) {
        return message.getHeaders().get(header) instanceof List<?> values ? values : List.of();
    }
}
