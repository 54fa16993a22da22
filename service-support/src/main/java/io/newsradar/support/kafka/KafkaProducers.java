package io.newsradar.support.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The one way a newsradar service builds a Kafka producer of its own (the Spring Cloud Stream bindings have the
 * binder's): idempotent, {@code acks=all}, the timeouts and size limit of its {@link ProducerSettings}, and the
 * client's metrics in the service's Micrometer registry (tagged with the client id) until it is closed.
 */
public final class KafkaProducers {

    /** Bytes a record takes in a produce request beyond its key, value and headers, near enough. */
    private static final int RECORD_OVERHEAD_BYTES = 64;
    private static final int HEADER_OVERHEAD_BYTES = 8;

    private KafkaProducers() {
    }

    /** A producer built from {@code settings}, its metrics bound to {@code meters}; closing it unbinds them. */
    public static <K, V> Producer<K, V> create(ProducerSettings settings, Serializer<K> keys, Serializer<V> values,
            MeterRegistry meters) {
        MeteredProducer<K, V> producer = new MeteredProducer<>(settings.producerConfig(), keys, values);
        producer.bind(meters);
        return producer;
    }

    /** The bytes a record takes in a produce request, near enough to compare with the broker's limit. */
    public static int size(ProducerRecord<byte[], byte[]> record) {
        int size = RECORD_OVERHEAD_BYTES + (record.key() == null ? 0 : record.key().length)
                + (record.value() == null ? 0 : record.value().length);
        for (Header header : record.headers()) {
            size += HEADER_OVERHEAD_BYTES + header.key().length() + (header.value() == null ? 0 : header.value().length);
        }
        return size;
    }

    /** A producer whose metrics leave the registry when it closes. */
    private static final class MeteredProducer<K, V> extends KafkaProducer<K, V> {

        private KafkaClientMetrics metrics;

        MeteredProducer(Map<String, Object> config, Serializer<K> keys, Serializer<V> values) {
            super(config, keys, values);
        }

        void bind(MeterRegistry meters) {
            metrics = new KafkaClientMetrics(this);
            metrics.bindTo(meters);
        }

        @Override
        public void close(Duration timeout) {
            try {
                super.close(timeout);
            } finally {
                if (metrics != null) {
                    metrics.close();
                }
            }
        }
    }
}
