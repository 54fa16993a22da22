package io.newsradar.index.stream;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsradar.index.IndexProperties;
import io.newsradar.index.bulk.ArticleBulkWriter;
import io.newsradar.support.elasticsearch.ArticleIndexInstaller;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.util.backoff.ExponentialBackOff;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stream binding: {@code index-in-0} ({@code news.articles.classified}, batches) → Elasticsearch. A batch that
 * Elasticsearch does not take is retried with exponential backoff, without end, and its offsets are not committed
 * meanwhile: nothing is lost while Elasticsearch is away.
 */
@Configuration(proxyBeanMethods = false)
public class IndexBinding {

    @Bean(destroyMethod = "close")
    ArticleBulkWriter articleBulkWriter(ElasticsearchClient client, IndexProperties properties, MeterRegistry meters) {
        return new ArticleBulkWriter(client, new ArticleBulkWriter.Settings(properties.bulkMaxOperations(),
                properties.bulkMaxSize().toBytes(), properties.bulkConcurrency(), properties.bulkFlushInterval(),
                properties.acknowledgeTimeout(), properties.retryInitialBackoff(), properties.retryMaxBackoff()), meters);
    }

    @Bean
    DeadLetters deadLetters(StreamBridge bridge, IndexProperties properties) {
        return new DeadLetters(bridge, (int) properties.maxRecordSize().toBytes());
    }

    @Bean
    ArticleBatchIndexer articleBatchIndexer(JsonMapper json, ArticleBulkWriter writer, DeadLetters deadLetters, MeterRegistry meters) {
        return new ArticleBatchIndexer(json, writer, deadLetters, meters);
    }

    /** The values come as the broker holds them (content type octet-stream): each is read, or dead-lettered, here. */
    @Bean
    Consumer<Message<List<?>>> index(ArticleBatchIndexer indexer) {
        return batch -> {
            List<?> values = batch.getPayload();
            List<?> keys = header(batch, KafkaHeaders.RECEIVED_KEY);
            List<?> partitions = header(batch, KafkaHeaders.RECEIVED_PARTITION);
            List<?> offsets = header(batch, KafkaHeaders.OFFSET);
            List<byte[]> records = new ArrayList<>(values.size());
            List<byte[]> recordKeys = new ArrayList<>(values.size());
            List<DeadLetters.Source> sources = new ArrayList<>(values.size());
            for (int i = 0; i < values.size(); i++) {
                records.add(bytes(values.get(i)));
                recordKeys.add(i < keys.size() ? bytes(keys.get(i)) : null);
                sources.add(new DeadLetters.Source(i < partitions.size() && partitions.get(i) instanceof Number n ? n.intValue() : -1,
                        i < offsets.size() && offsets.get(i) instanceof Number n ? n.longValue() : -1));
            }
            indexer.index(records, recordKeys, sources);
        };
    }

    /**
     * Named in index-service.yml as the binding's error handler: a batch Elasticsearch did not take is delivered again
     * with exponential backoff, without end. A batch that fails in a way the container holds not worth retrying has
     * its records sent to the dead-letter topic, never discarded.
     */
    @Bean
    CommonErrorHandler indexErrorHandler(IndexProperties properties, DeadLetters deadLetters) {
        ExponentialBackOff backOff = new ExponentialBackOff(properties.retryInitialBackoff().toMillis(), 2.0);
        backOff.setMaxInterval(properties.retryMaxBackoff().toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        return new DefaultErrorHandler((record, failure) -> deadLetters.send(bytes(record.key()), bytes(record.value()),
                new DeadLetters.Source(record.partition(), record.offset()),
                "index-service failed on the batch of this record: " + failure), backOff);
    }

    private static List<?> header(Message<?> message, String name) {
        return message.getHeaders().get(name) instanceof List<?> values ? values : List.of();
    }

    /** A value or key as bytes: {@code null} for none (a tombstone arrives as a marker object, not bytes). */
    private static byte[] bytes(Object value) {
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        return value instanceof String text ? DeadLetters.utf8(text) : null;
    }

    /** Installs the index template and alias before the binding starts consuming. */
    @Bean
    SmartLifecycle indexInstallation(ElasticsearchClient client) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                new ArticleIndexInstaller(client).installOrFail();
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
}
