package io.newsradar.alert.stream;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsradar.alert.AlertProperties;
import io.newsradar.alert.delivery.WebhookDeliverer;
import io.newsradar.alert.match.SearchIndex;
import io.newsradar.alert.spike.SpikeDetector;
import io.newsradar.contracts.Topics;
import io.newsradar.reference.ReferenceData;
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
        return batch -> matcher.match(values(batch.getPayload()), sources(batch, Topics.ARTICLES_CLASSIFIED));
    }

    @Bean
    Consumer<Message<List<?>>> deliver(BatchDeliverer deliverer) {
        return batch -> deliverer.deliver(values(batch.getPayload()), sources(batch, Topics.ALERTS));
    }

    /**
     * Named in alert-service.yml as both bindings' error handler: a batch whose matches the broker did not
     * acknowledge (or read before the saved searches were) is delivered again with exponential backoff, without end,
     * its offsets uncommitted meanwhile.
     */
    @Bean
    CommonErrorHandler alertErrorHandler(AlertProperties properties, DeadLetterWriter alertDeadLetters,
            DeliveryAttempts alertDeliveryAttempts) {
        ExponentialBackOff backOff = new ExponentialBackOff(properties.retryInitialBackoff().toMillis(), 2.0);
        backOff.setMaxInterval(properties.retryMaxBackoff().toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        DefaultErrorHandler handler = new DefaultErrorHandler(alertDeadLetters.recoverer(alertDeliveryAttempts), backOff);
        handler.setRetryListeners(alertDeliveryAttempts);
        return handler;
    }

    static List<byte[]> values(List<?> payload) {
        List<byte[]> values = new ArrayList<>(payload.size());
        for (Object value : payload) {
            values.add(RecordSource.bytes(value));
        }
        return values;
    }

    /** Topic, partition, offset and key of each record of a batch, from the binder's list-valued headers. */
    static List<RecordSource> sources(Message<? extends List<?>> batch, String defaultTopic) {
        List<?> topics = list(batch, KafkaHeaders.RECEIVED_TOPIC);
        List<?> keys = list(batch, KafkaHeaders.RECEIVED_KEY);
        List<?> partitions = list(batch, KafkaHeaders.RECEIVED_PARTITION);
        List<?> offsets = list(batch, KafkaHeaders.OFFSET);
        int size = batch.getPayload().size();
        if (offsets.size() > size) {
            throw new IllegalStateException("the binder delivered " + size + " values for a batch of " + offsets.size()
                    + " records; the bindings' content-type must be application/octet-stream");
        }
        List<RecordSource> sources = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Object topic = i < topics.size() ? topics.get(i) : null;
            Object key = i < keys.size() ? keys.get(i) : null;
            Object partition = i < partitions.size() ? partitions.get(i) : null;
            Object offset = i < offsets.size() ? offsets.get(i) : null;
            sources.add(new RecordSource(topic instanceof String name ? name : defaultTopic,
                    partition instanceof Number n ? n.intValue() : -1, offset instanceof Number n ? n.longValue() : -1,
                    key instanceof byte[] bytes ? bytes : null));
        }
        return sources;
    }

    private static List<?> list(Message<?> message, String header) {
        return message.getHeaders().get(header) instanceof List<?> values ? values : List.of();
    }
}
