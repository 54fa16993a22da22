package io.newsradar.classify.stream;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsradar.classify.ClassifyProperties;
import io.newsradar.classify.Classifier;
import io.newsradar.contracts.Topics;
import io.newsradar.support.kafka.BoundBatches;
import io.newsradar.support.kafka.DeadLetterWriter;
import io.newsradar.support.kafka.DeliveryAttempts;
import io.newsradar.support.kafka.KafkaProducers;
import io.newsradar.support.kafka.ProducerSettings;
import java.time.Clock;
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
import org.springframework.messaging.Message;
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
        return batch -> classifier.classify(BoundBatches.values(batch.getPayload()), BoundBatches.sources(batch, Topics.ARTICLES_RAW));
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
        return BoundBatches.retryingWithoutEnd(properties.retryInitialBackoff(), properties.retryMaxBackoff(), classifyDeadLetters,
                classifyDeliveryAttempts);
    }
}
