package io.newsradar.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsradar.contracts.DeadLetterHeaders;
import io.newsradar.contracts.Topics;
import io.newsradar.testsupport.PoisonRecords;
import io.newsradar.testsupport.TestServers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The writer and the attempt count under a real listener container and a real broker: a batch the container
 * delivers three times says 3 in its dead letters, and what the container gives up on is a dead letter, not a log line.
 */
class DeadLetterWriterIT {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String topic = "dead-letter-it-" + run;
    private final Producer<byte[], byte[]> producer = KafkaProducers.create(new ProducerSettings(TestServers.kafka().bootstrapServers(),
            "dead-letter-it", Duration.ofSeconds(10), ProducerSettings.DEFAULT_MAX_RECORD_BYTES, Map.of()),
            new ByteArraySerializer(), new ByteArraySerializer(), meters);
    private final DeadLetterWriter writer = new DeadLetterWriter(producer, "writer-it", ProducerSettings.DEFAULT_MAX_RECORD_BYTES,
            Duration.ofSeconds(10), Clock.systemUTC());
    private final DeliveryAttempts attempts = new DeliveryAttempts();
    private KafkaMessageListenerContainer<byte[], byte[]> container;

    @AfterEach
    void stop() {
        if (container != null) {
            container.stop();
        }
        producer.close();
    }

    @Test
    void aRecordDeadLetteredInTheThirdDeliveryOfItsBatchSaysThreeAttempts() throws Exception {
        AtomicInteger deliveries = new AtomicInteger();
        start((BatchMessageListener<byte[], byte[]>) records -> {
            if (deliveries.incrementAndGet() < 3) {
                throw new IllegalStateException("the output of this batch was not acknowledged");
            }
            for (ConsumerRecord<byte[], byte[]> record : records) {
                RecordSource source = RecordSource.of(record);
                writer.write(source, record.value(), "no-value", "writer-it gave up on this record", attempts.current(source));
            }
            attempts.delivered(records.stream().map(RecordSource::of).toList());
        });

        send("retried");

        ConsumerRecord<byte[], byte[]> letter = PoisonRecords.deadLetters(Topics.ARTICLES_DLQ, run, 1, Duration.ofSeconds(30))
                .get("retried");
        assertThat(letter).as("the dead letter").isNotNull();
        DeadLetterHeaders headers = PoisonRecords.headers(letter);
        assertThat(headers.attempts()).isEqualTo(3);
        assertThat(headers.originalTopic()).isEqualTo(topic);
        assertThat(headers.stage()).isEqualTo("writer-it");
        assertThat(attempts.current(RecordSource.of(record(letter)))).as("counted afresh once the batch went through").isEqualTo(1);
    }

    @Test
    void aBatchTheContainerHoldsNotWorthRetryingIsDeadLetteredWithTheFailureAndOneAttempt() throws Exception {
        start((BatchMessageListener<byte[], byte[]>) records -> {
            throw new ClassCastException("class java.lang.String cannot be cast to class [B");
        });

        send("not-retryable");

        ConsumerRecord<byte[], byte[]> letter = PoisonRecords.deadLetters(Topics.ARTICLES_DLQ, run, 1, Duration.ofSeconds(30))
                .get("not-retryable");
        assertThat(letter).as("the dead letter").isNotNull();
        DeadLetterHeaders headers = PoisonRecords.headers(letter);
        assertThat(headers.errorClass()).isEqualTo(ClassCastException.class.getName());
        assertThat(headers.error()).startsWith("writer-it failed on the batch of this record: class java.lang.String");
        assertThat(headers.attempts()).isEqualTo(1);
        assertThat(letter.value()).isEqualTo(utf8("{\"articleId\": \"" + run + "\"}"));
    }

    private void start(Object listener) {
        DefaultKafkaConsumerFactory<byte[], byte[]> consumers = new DefaultKafkaConsumerFactory<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-it-" + run,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        ContainerProperties properties = new ContainerProperties(topic);
        properties.setMessageListener(listener);
        container = new KafkaMessageListenerContainer<>(consumers, properties);
        DefaultErrorHandler handler = new DefaultErrorHandler(writer.recoverer(attempts),
                new FixedBackOff(50, FixedBackOff.UNLIMITED_ATTEMPTS));
        handler.setRetryListeners(attempts);
        container.setCommonErrorHandler(handler);
        container.start();
    }

    private void send(String kind) throws Exception {
        producer.send(new ProducerRecord<>(topic, 0, utf8(run + "-" + kind), utf8("{\"articleId\": \"" + run + "\"}"))).get();
    }

    private ConsumerRecord<byte[], byte[]> record(ConsumerRecord<byte[], byte[]> letter) {
        DeadLetterHeaders headers = PoisonRecords.headers(letter);
        return new ConsumerRecord<>(headers.originalTopic(), headers.originalPartition(), headers.originalOffset(), letter.key(),
                letter.value());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
