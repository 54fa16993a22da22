package io.newsradar.index.stream;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsradar.index.IndexProperties;
import io.newsradar.index.bulk.ArticleBulkWriter;
import io.newsradar.support.elasticsearch.ArticleIndexInstaller;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
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
    ArticleBatchIndexer articleBatchIndexer(JsonMapper json, ArticleBulkWriter writer, StreamBridge bridge, MeterRegistry meters) {
        return new ArticleBatchIndexer(json, writer, new DeadLetters(bridge), meters);
    }

    @Bean
    Consumer<List<byte[]>> index(ArticleBatchIndexer indexer) {
        return indexer::index;
    }

    /** Named in index-service.yml as the binding's error handler. */
    @Bean
    CommonErrorHandler indexErrorHandler(IndexProperties properties) {
        ExponentialBackOff backOff = new ExponentialBackOff(properties.retryInitialBackoff().toMillis(), 2.0);
        backOff.setMaxInterval(properties.retryMaxBackoff().toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        return new DefaultErrorHandler(backOff);
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
