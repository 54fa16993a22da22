package io.newsradar.index.stream;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsradar.index.IndexProperties;
import io.newsradar.contracts.Topics;
import io.newsradar.index.bulk.ArticleBulkWriter;
import io.newsradar.support.elasticsearch.ArticleIndexInstaller;
import io.newsradar.support.kafka.BeforeBindings;
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
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.messaging.Message;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stream bindings: {@code index-in-0} ({@code news.articles.classified}, batches) and {@code stories-in-0}
 * ({@code news.stories}, batches) → Elasticsearch. A batch that
 * Elasticsearch does not take is retried with exponential backoff, without end, and its offsets are not committed
 * meanwhile: nothing is lost while Elasticsearch is away. Dead letters go through a producer of this service's own
 * ({@link KafkaProducers}, from the binder's settings) and the shared {@link DeadLetterWriter}.
 */
@Configuration(proxyBeanMethods = false)
public class IndexBinding {

    @Bean(destroyMethod = "close")
    ArticleBulkWriter articleBulkWriter(ElasticsearchClient client, IndexProperties properties, MeterRegistry meters) {
        return new ArticleBulkWriter(client, new ArticleBulkWriter.Settings(properties.bulkMaxOperations(),
                properties.bulkMaxSize().toBytes(), properties.bulkConcurrency(), properties.bulkFlushInterval(),
                properties.acknowledgeTimeout(), properties.retryInitialBackoff(), properties.retryMaxBackoff()), meters);
    }

    @Bean(destroyMethod = "close")
    Producer<byte[], byte[]> deadLetterProducer(Environment environment, IndexProperties properties, MeterRegistry meters) {
        return KafkaProducers.create(ProducerSettings.fromBinder(environment, "index-service-dead-letters", properties.sendTimeout(),
                (int) properties.maxRecordSize().toBytes()), new ByteArraySerializer(), new ByteArraySerializer(), meters);
    }

    /** The failed deliveries of each batch, as the error handler reports them, for the dead letters' attempt count. */
    @Bean
    DeliveryAttempts indexDeliveryAttempts() {
        return new DeliveryAttempts();
    }

    @Bean
    DeadLetterWriter indexDeadLetters(Producer<byte[], byte[]> deadLetterProducer, IndexProperties properties) {
        return new DeadLetterWriter(deadLetterProducer, ArticleBatchIndexer.STAGE, (int) properties.maxRecordSize().toBytes(),
                properties.sendTimeout(), Clock.systemUTC());
    }

    @Bean
    ArticleBatchIndexer articleBatchIndexer(JsonMapper json, ArticleBulkWriter writer, DeadLetterWriter indexDeadLetters,
            DeliveryAttempts indexDeliveryAttempts, MeterRegistry meters) {
        return new ArticleBatchIndexer(json, writer, indexDeadLetters, indexDeliveryAttempts, meters);
    }

    /** The values come as the broker holds them (content type octet-stream): each is read, or dead-lettered, here. */
    @Bean
    Consumer<Message<List<?>>> index(ArticleBatchIndexer indexer) {
        return batch -> indexer.index(BoundBatches.values(batch.getPayload()), BoundBatches.sources(batch, Topics.ARTICLES_CLASSIFIED));
    }

    @Bean
    StoryBatchIndexer storyBatchIndexer(JsonMapper json, ArticleBulkWriter writer, DeadLetterWriter indexDeadLetters,
            DeliveryAttempts indexDeliveryAttempts, MeterRegistry meters) {
        return new StoryBatchIndexer(json, writer, indexDeadLetters, indexDeliveryAttempts, meters);
    }

    /**
     * {@code stories-in-0} ({@code news.stories}, batches, its own group): each article's story into its document,
     * each merge applied, through the same bulk writer; offsets are committed once Elasticsearch has answered.
     */
    @Bean
    Consumer<Message<List<?>>> stories(StoryBatchIndexer indexer) {
        return batch -> indexer.index(BoundBatches.values(batch.getPayload()), BoundBatches.sources(batch, Topics.STORIES));
    }

    /**
     * Named in index-service.yml as the binding's error handler: a batch Elasticsearch did not take is delivered again
     * with exponential backoff, without end, and each failed delivery is counted. A batch that fails in a way the
     * container holds not worth retrying has its records sent to the dead-letter topic, never discarded.
     */
    @Bean
    CommonErrorHandler indexErrorHandler(IndexProperties properties, DeadLetterWriter indexDeadLetters,
            DeliveryAttempts indexDeliveryAttempts) {
        return BoundBatches.retryingWithoutEnd(properties.retryInitialBackoff(), properties.retryMaxBackoff(), indexDeadLetters,
                indexDeliveryAttempts);
    }

    /** Installs the index template and alias before the binding starts consuming. */
    @Bean
    SmartLifecycle indexInstallation(ElasticsearchClient client) {
        return BeforeBindings.run(() -> new ArticleIndexInstaller(client).installOrFail());
    }
}
