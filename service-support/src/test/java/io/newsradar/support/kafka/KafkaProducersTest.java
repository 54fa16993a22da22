package io.newsradar.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

class KafkaProducersTest {

    @Test
    void bindsTheClientsMetricsTaggedWithItsIdAndUnbindsThemOnClose() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        // No broker is contacted until the first send.
        Producer<byte[], byte[]> producer = KafkaProducers.create(new ProducerSettings("127.0.0.1:1", "unit-producer",
                Duration.ofSeconds(2), ProducerSettings.DEFAULT_MAX_RECORD_BYTES, Map.of()),
                new ByteArraySerializer(), new ByteArraySerializer(), meters);

        assertThat(meters.getMeters()).extracting(m -> m.getId().getName()).anyMatch(name -> name.startsWith("kafka.producer."));
        assertThat(meters.getMeters()).filteredOn(m -> m.getId().getName().startsWith("kafka.producer."))
                .allSatisfy(m -> assertThat(m.getId().getTag("client.id")).isEqualTo("unit-producer"));

        producer.close(Duration.ZERO);

        assertThat(meters.getMeters()).extracting(Meter::getId).noneMatch(id -> "unit-producer".equals(id.getTag("client.id")));
    }

    @Test
    void measuresARecordByItsKeyValueAndHeaders() {
        ProducerRecord<byte[], byte[]> bare = new ProducerRecord<>("t", null, new byte[1000]);
        ProducerRecord<byte[], byte[]> full = new ProducerRecord<>("t", "key".getBytes(StandardCharsets.UTF_8), new byte[1000]);
        full.headers().add("name", new byte[10]);

        assertThat(KafkaProducers.size(full) - KafkaProducers.size(bare)).isEqualTo(3 + 8 + "name".length() + 10);
        assertThat(KafkaProducers.size(bare)).isGreaterThan(1000);
    }
}
