package io.newsradar.index.stream;

import io.newsradar.contracts.Topics;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.context.ApplicationContext;

/**
 * Re-indexes every record of {@code news.articles.classified}, from the beginning of each partition to where it
 * ended when the replay started, through the same indexer as the stream binding. It reads without a consumer group,
 * so the running service goes on with the live flow meanwhile; writes are idempotent and versioned, so the document
 * count does not change and no document goes back to an older revision. Progress goes to {@code progress}.
 */
public final class Replay {

    /** What a replay did. */
    public record Result(long records, Duration took) {
    }

    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(2);

    private final Properties consumerProperties;
    private final ArticleBatchIndexer indexer;
    private final PrintStream progress;
    private final LongSupplier nanoTime;

    Replay(Properties consumerProperties, ArticleBatchIndexer indexer, PrintStream progress, LongSupplier nanoTime) {
        this.consumerProperties = new Properties();
        this.consumerProperties.putAll(consumerProperties);
        this.consumerProperties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        this.consumerProperties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.indexer = indexer;
        this.progress = progress;
        this.nanoTime = nanoTime;
    }

    /** A replay with the service's own indexer and brokers, in a context whose binding does not consume. */
    public static Replay of(ApplicationContext context, PrintStream progress) {
        String brokers = context.getEnvironment().getProperty("spring.cloud.stream.kafka.binder.brokers", "localhost:9092");
        return new Replay(consumerProperties(brokers), context.getBean(ArticleBatchIndexer.class), progress, System::nanoTime);
    }

    /** @param bootstrapServers the Kafka brokers, {@code host:port,…} */
    public static Properties consumerProperties(String bootstrapServers) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
        properties.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "index-service-replay");
        return properties;
    }

    public Result run() {
        long started = nanoTime.getAsLong();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<PartitionInfo> partitionInfos = consumer.partitionsFor(Topics.ARTICLES_CLASSIFIED, Duration.ofSeconds(30));
            if (partitionInfos == null || partitionInfos.isEmpty()) {
                throw new IllegalStateException("the topic " + Topics.ARTICLES_CLASSIFIED + " does not exist: nothing to replay");
            }
            List<TopicPartition> partitions = new ArrayList<>();
            partitionInfos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            long total = 0;
            for (TopicPartition p : partitions) {
                total += end.get(p) - begin.get(p);
            }
            progress.printf("replay: %,d records in %d partitions of %s%n", total, partitions.size(), Topics.ARTICLES_CLASSIFIED);
            long done = 0;
            long lastReport = started;
            end.entrySet().removeIf(e -> e.getValue() <= begin.get(e.getKey()));
            consumer.pause(partitions.stream().filter(p -> !end.containsKey(p)).toList());
            while (!end.isEmpty()) {
                ConsumerRecords<byte[], byte[]> polled = consumer.poll(Duration.ofMillis(500));
                List<byte[]> batch = new ArrayList<>(polled.count());
                for (ConsumerRecord<byte[], byte[]> record : polled) {
                    TopicPartition p = new TopicPartition(record.topic(), record.partition());
                    Long stop = end.get(p);
                    if (stop != null && record.offset() < stop) {
                        batch.add(record.value());
                    }
                }
                if (!batch.isEmpty()) {
                    indexer.index(batch);
                    done += batch.size();
                }
                for (TopicPartition p : List.copyOf(end.keySet())) {
                    if (consumer.position(p) >= end.get(p)) {
                        end.remove(p);
                        consumer.pause(List.of(p));
                    }
                }
                long now = nanoTime.getAsLong();
                if (now - lastReport >= PROGRESS_EVERY.toNanos() || end.isEmpty()) {
                    report(done, total, now - started);
                    lastReport = now;
                }
            }
            Duration took = Duration.ofNanos(nanoTime.getAsLong() - started);
            progress.printf("replay: done, %,d records re-indexed in %.1f s%n", done, took.toMillis() / 1000.0);
            return new Result(done, took);
        }
    }

    private void report(long done, long total, long elapsedNanos) {
        double seconds = Math.max(elapsedNanos / 1e9, 0.001);
        double rate = done / seconds;
        long left = total - done;
        String eta = rate > 0 && left > 0 ? String.format(", about %.0f s left", left / rate) : "";
        progress.printf("replay: %,d / %,d records (%d%%), %,.0f/s%s%n", done, total, total == 0 ? 100 : done * 100 / total, rate, eta);
    }
}
