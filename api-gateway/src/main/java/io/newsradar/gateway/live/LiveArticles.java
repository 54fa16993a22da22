package io.newsradar.gateway.live;

import io.newsradar.contracts.ArticleDocument;
import io.newsradar.contracts.ClassifiedArticle;
import io.newsradar.contracts.Topics;
import io.newsradar.gateway.kafka.AllPartitions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.json.JsonMapper;

/**
 * This gateway's own reading of {@code news.articles.classified}: a consumer with no group, assigned every partition
 * and starting at their ends, so each gateway instance sees every article classified from its start on. Each article
 * is prepared once, kept among the {@link RecentArticles} and emitted, from the one consumer thread, into one multicast
 * sink that every stream subscribes to. Articles published longer ago than the horizon (backfills, replays) are skipped;
 * a record that cannot be read is logged with its partition and offset and skipped.
 */
public final class LiveArticles implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LiveArticles.class);
    private static final JsonMapper WIRE = JsonMapper.builder().build();
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final String bootstrapServers;
    private final Duration horizon;
    private final JsonMapper viewMapper;
    private final Clock clock;
    private final RecentArticles recent;
    /** Hot: a stream sees what is emitted while it is subscribed; with nobody subscribed, an article only goes to {@link #recent}. */
    private final Sinks.Many<LiveArticle> sink = Sinks.many().multicast().directBestEffort();
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private final CountDownLatch reading = new CountDownLatch(1);
    private volatile boolean running = true;

    /** @param viewMapper writes the articles' JSON as the rest of the API does */
    LiveArticles(String bootstrapServers, Duration horizon, int recentArticles, JsonMapper viewMapper, Clock clock) {
        this.bootstrapServers = bootstrapServers;
        this.horizon = horizon;
        this.viewMapper = viewMapper;
        this.clock = clock;
        this.recent = new RecentArticles(recentArticles);
        this.consumer = new KafkaConsumer<>(properties(bootstrapServers), new StringDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(this::run, "live-articles");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Every article read from now on, on the consumer thread. */
    Flux<LiveArticle> articles() {
        return sink.asFlux();
    }

    RecentArticles recent() {
        return recent;
    }

    /** Whether this gateway has been assigned the topic's partitions and is reading from their ends, waiting up to {@code timeout}. */
    public boolean awaitReading(Duration timeout) throws InterruptedException {
        return reading.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run() {
        try {
            while (running && !assign()) {
                Thread.sleep(RETRY.toMillis());
            }
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    publish(record);
                }
            }
        } catch (WakeupException e) {
            if (running) {
                log.atError().setCause(e).log("the live stream's consumer stopped unexpectedly");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.atError().setCause(e).addKeyValue("topic", Topics.ARTICLES_CLASSIFIED)
                    .log("the live stream's consumer stopped: {}", e.getMessage());
        } finally {
            sink.tryEmitComplete();
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(1)));
        }
    }

    /** Assigns every partition and moves to their ends; false when Kafka or the topic is not there yet. */
    private boolean assign() {
        String topic = Topics.ARTICLES_CLASSIFIED;
        List<TopicPartition> partitions = AllPartitions.assign(consumer, topic, bootstrapServers,
                "the live stream sends nothing new");
        if (partitions == null) {
            return false;
        }
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolves the ends now, so "from the start" means this moment
        reading.countDown();
        log.atInfo().addKeyValue("topic", topic).addKeyValue("partitions", partitions.size())
                .log("live stream reading {} from its latest offsets", topic);
        return true;
    }

    private void publish(ConsumerRecord<String, byte[]> record) {
        LiveArticle article;
        try {
            if (record.value() == null) {
                throw new IllegalArgumentException("the record has no value");
            }
            ArticleDocument doc = ArticleDocument.of(WIRE.readValue(record.value(), ClassifiedArticle.class));
            if (doc.publishedAt() != null && doc.publishedAt().isBefore(Instant.now(clock).minus(horizon))) {
                log.atDebug().addKeyValue("articleId", doc.articleId()).addKeyValue("publishedAt", doc.publishedAt())
                        .log("not pushed live: published before the horizon");
                return;
            }
            article = LiveArticle.of(doc, viewMapper, record.timestamp());
        } catch (RuntimeException e) {
            log.atWarn().addKeyValue("topic", record.topic()).addKeyValue("partition", record.partition())
                    .addKeyValue("offset", record.offset()).addKeyValue("key", record.key())
                    .log("skipped an unreadable record at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
            return;
        }
        emit(article);
    }

    /** Keeps the article among the recent ones, then hands it to every stream; on the consumer thread only. */
    void emit(LiveArticle article) {
        // Kept before it is emitted: a stream that subscribes, then looks at the recent articles, misses none.
        recent.add(article);
        Sinks.EmitResult result = sink.tryEmitNext(article);
        if (result.isFailure() && result != Sinks.EmitResult.FAIL_ZERO_SUBSCRIBER) {
            // Only this thread emits, and the streams never refuse (each buffers on its own): nothing to retry.
            log.atWarn().addKeyValue("articleId", article.view().id()).addKeyValue("result", result)
                    .log("the live sink did not take an article: {}", result);
        }
    }

    @Override
    public void close() {
        if (thread.getState() == Thread.State.NEW) {
            consumer.close(CloseOptions.timeout(Duration.ZERO)); // never started: the thread would have closed it
            return;
        }
        running = false;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Properties properties(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "api-gateway-live-" + UUID.randomUUID().toString().substring(0, 8));
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return p;
    }
}
