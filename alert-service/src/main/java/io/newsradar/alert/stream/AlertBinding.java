package io.newsradar.alert.stream;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsradar.alert.AlertProperties;
import io.newsradar.alert.delivery.WebhookDeliverer;
import io.newsradar.alert.match.SearchIndex;
import io.newsradar.alert.spike.SpikeDetector;
import io.newsradar.contracts.Topics;
import io.newsradar.reference.ReferenceData;
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
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.messaging.Message;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stream bindings: {@code match-in-0} ({@code news.articles.classified}, group {@code alert-service}, in batches)
 * → {@link BatchMatcher} → {@code news.alerts}; and {@code deliver-in-0} ({@code news.alerts}, group
 * {@code alert-service-delivery}) → {@link BatchDeliverer} → the webhooks. The saved searches are followed from
 * {@code news.searches} by a {@link SearchesView}. Matches, pauses and dead letters go through one producer of this
 * service's own, from the binder's settings.
 */
@Configuration(proxyBeanMethods = false)
public class AlertBinding {

    @Bean
    SearchIndex searchIndex(AlertProperties properties) {
        return new SearchIndex(ReferenceData.load(properties.dataDir()));
    }

    @Bean(destroyMethod = "close")
    SearchesView searchesView(Environment environment, SearchIndex searchIndex, JsonMapper json, AlertProperties properties,
            MeterRegistry meters) {
        String brokers = String.join(",", Binder.get(environment)
                .bind("spring.cloud.stream.kafka.binder.brokers", Bindable.listOf(String.class)).orElse(List.of("localhost:9092")));
        SearchesView view = new SearchesView(brokers, searchIndex, json, properties.searchesTimeout());
        Gauge.builder("newsradar.alert.searches", searchIndex, SearchIndex::size)
                .description("saved searches matched against every article").register(meters);
        view.start();
        return view;
    }

    @Bean(destroyMethod = "close")
    Producer<byte[], byte[]> alertProducer(Environment environment, AlertProperties properties, MeterRegistry meters) {
        return KafkaProducers.create(ProducerSettings.fromBinder(environment, "alert-service-output", properties.sendTimeout(),
                (int) properties.maxRecordSize().toBytes()), new ByteArraySerializer(), new ByteArraySerializer(), meters);
    }

    @Bean
    DeliveryAttempts alertDeliveryAttempts() {
        return new DeliveryAttempts();
    }

    @Bean
    DeadLetterWriter alertDeadLetters(Producer<byte[], byte[]> alertProducer, AlertProperties properties) {
        return new DeadLetterWriter(alertProducer, BatchMatcher.STAGE, (int) properties.maxRecordSize().toBytes(),
                properties.sendTimeout(), Clock.systemUTC());
    }

    @Bean
    SpikeDetector spikeDetector(AlertProperties properties, MeterRegistry meters) {
        SpikeDetector detector = new SpikeDetector(properties.spikes().rule());
        Gauge.builder("newsradar.alert.spike.series", detector, SpikeDetector::size)
                .description("saved searches with an hourly history for spike detection").register(meters);
        return detector;
    }

    @Bean
    BatchMatcher batchMatcher(SearchIndex searchIndex, SearchesView searchesView, SpikeDetector spikeDetector, JsonMapper json,
            Producer<byte[], byte[]> alertProducer, DeadLetterWriter alertDeadLetters, DeliveryAttempts alertDeliveryAttempts,
            AlertProperties properties, MeterRegistry meters) {
        return new BatchMatcher(searchIndex, searchesView, spikeDetector, json, alertProducer, alertDeadLetters,
                alertDeliveryAttempts, properties.sendTimeout(), Clock.systemUTC(), meters);
    }

    @Bean(destroyMethod = "close")
    WebhookDeliverer webhookDeliverer(SearchesView searchesView, Producer<byte[], byte[]> alertProducer, JsonMapper json,
            AlertProperties properties, MeterRegistry meters) {
        return WebhookDeliverer.create(properties.delivery().settings(), searchesView::current,
                new KafkaSearchPauser(alertProducer, json, properties.sendTimeout(), Clock.systemUTC()), json, meters);
    }

    @Bean
    BatchDeliverer batchDeliverer(WebhookDeliverer webhookDeliverer, SearchesView searchesView, JsonMapper json,
            DeadLetterWriter alertDeadLetters, DeliveryAttempts alertDeliveryAttempts) {
        return new BatchDeliverer(webhookDeliverer, searchesView, json, alertDeadLetters, alertDeliveryAttempts);
    }

    @Bean
    Consumer<Message<List<?>>> match(BatchMatcher matcher) {
        return batch -> matcher.match(BoundBatches.values(batch.getPayload()), BoundBatches.sources(batch, Topics.ARTICLES_CLASSIFIED));
    }

    @Bean
    Consumer<Message<List<?>>> deliver(BatchDeliverer deliverer) {
        return batch -> deliverer.deliver(BoundBatches.values(batch.getPayload()), BoundBatches.sources(batch, Topics.ALERTS));
    }

    /**
     * Named in alert-service.yml as both bindings' error handler: a batch whose matches the broker did not
     * acknowledge (or read before the saved searches were) is delivered again with exponential backoff, without end,
     * its offsets uncommitted meanwhile.
     */
    @Bean
    CommonErrorHandler alertErrorHandler(AlertProperties properties, DeadLetterWriter alertDeadLetters,
            DeliveryAttempts alertDeliveryAttempts) {
        return BoundBatches.retryingWithoutEnd(properties.retryInitialBackoff(), properties.retryMaxBackoff(), alertDeadLetters,
                alertDeliveryAttempts);
    }

    }
