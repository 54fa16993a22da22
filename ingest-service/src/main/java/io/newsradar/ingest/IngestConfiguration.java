package io.newsradar.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsradar.ingest.extract.ArticleExtractor;
import io.newsradar.ingest.extract.PageExtraction;
import io.newsradar.ingest.feed.FeedOwnership;
import io.newsradar.ingest.feed.FeedSeeder;
import io.newsradar.ingest.feed.FeedStateStore;
import io.newsradar.ingest.fetch.FeedFetcher;
import io.newsradar.ingest.fetch.FetchSettings;
import io.newsradar.ingest.parse.FeedParser;
import io.newsradar.ingest.publish.ArticlePublisher;
import io.newsradar.ingest.schedule.FeedPoller;
import io.newsradar.ingest.schedule.FeedScheduler;
import io.newsradar.ingest.schedule.IngestMetrics;
import io.newsradar.ingest.schedule.ItemPublisher;
import io.newsradar.ingest.schedule.PollTiming;
import io.newsradar.support.kafka.KafkaProducers;
import io.newsradar.support.kafka.ProducerSettings;
import java.time.Clock;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Wires the plain-Java pipeline stages together; the logic lives in the stage packages. */
@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

    /** The wire format of the feed topics, exactly as {@code contracts} defines it. */
    private static final JsonMapper WIRE = JsonMapper.builder().build();

    @Bean(destroyMethod = "close")
    FeedFetcher feedFetcher(IngestProperties properties) {
        IngestProperties.Fetch fetch = properties.fetch();
        return new FeedFetcher(new FetchSettings(properties.userAgent(), fetch.connectTimeout(), fetch.readTimeout(),
                fetch.totalTimeout(), fetch.maxBodySize().toBytes(), fetch.maxDecodedSize().toBytes(), fetch.maxRedirects(),
                fetch.allowPrivateNetworks(), fetch.maxConnectionsPerHost(), fetch.maxConnectionsTotal(),
                fetch.maxHeaderCount(), (int) fetch.maxHeaderLineLength().toBytes(), fetch.maxBytesInFlight().toBytes()));
    }

    @Bean
    IngestMetrics ingestMetrics(MeterRegistry registry) {
        return new IngestMetrics(registry);
    }

    /**
     * The writer of {@code news.feeds} and {@code news.feed-state}. A write reported as failed must not reach Kafka
     * later, after the feed has moved: delivery ends within the registry's Kafka timeout ({@link KafkaProducers}).
     */
    @Bean(destroyMethod = "close")
    Producer<String, byte[]> feedTopicsProducer(IngestProperties properties, MeterRegistry meters) {
        IngestProperties.Registry registry = properties.registry();
        return KafkaProducers.create(new ProducerSettings(registry.bootstrapServers(), "ingest-service-feed-topics",
                registry.kafkaTimeout(), ProducerSettings.DEFAULT_MAX_RECORD_BYTES, Map.of()),
                new StringSerializer(), new ByteArraySerializer(), meters);
    }

    @Bean
    FeedStateStore feedStateStore(IngestProperties properties, Producer<String, byte[]> feedTopicsProducer) {
        return new FeedStateStore(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.registry().bootstrapServers()),
                feedTopicsProducer, WIRE, properties.registry().kafkaTimeout());
    }

    @Bean
    FeedSeeder feedSeeder(IngestProperties properties, Producer<String, byte[]> feedTopicsProducer) {
        return new FeedSeeder(feedTopicsProducer, WIRE, properties.registry().kafkaTimeout());
    }

    @Bean(destroyMethod = "shutdown")
    ExecutorService pollWorkers(IngestProperties properties) {
        int threads = properties.polling().concurrency();
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "feed-poll-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Bean(destroyMethod = "close")
    PageExtraction pageExtraction(IngestProperties properties) {
        return new PageExtraction(new ArticleExtractor(properties.extract().settings()));
    }

    @Bean
    FeedScheduler feedScheduler(IngestProperties properties, FeedFetcher fetcher, StreamBridge bridge,
            IngestMetrics metrics, FeedStateStore states, ExecutorService pollWorkers, PageExtraction pages) {
        Clock clock = Clock.systemUTC();
        ItemPublisher items = new ItemPublisher(fetcher, pages, ArticlePublisher.toKafka(bridge), metrics,
                clock, properties.rememberedArticlesPerFeed(), properties.items().limits(),
                properties.extract().fetchDecision());
        FeedParser parser = new FeedParser(new FeedParser.Limits(properties.parseTimeout(), properties.items().maxXmlDepth(),
                properties.items().maxPerDocument()));
        FeedPoller poller = new FeedPoller(fetcher, parser, items,
                new PollTiming(properties.polling().timing(), new Random()), metrics, clock);
        FeedScheduler scheduler = new FeedScheduler(poller, states::save, pollWorkers, clock, properties.polling().stateHeartbeat());
        metrics.feedGauges(scheduler, FeedScheduler::ownedCount, FeedScheduler::failingCount);
        return scheduler;
    }

    @Bean(destroyMethod = "")
    FeedOwnership feedRegistry(IngestProperties properties, FeedScheduler scheduler, FeedStateStore states) {
        IngestProperties.Registry registry = properties.registry();
        return new FeedOwnership(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, registry.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, registry.groupId()), scheduler, states, WIRE, registry.releaseTimeout());
    }

    @Bean
    @ConditionalOnProperty(name = IngestApplication.COMMAND_PROPERTY, havingValue = "none", matchIfMissing = true)
    IngestLifecycle ingestLifecycle(IngestProperties properties, FeedSeeder seeder, FeedOwnership registry,
            FeedScheduler scheduler, ExecutorService pollWorkers) {
        return new IngestLifecycle(properties, seeder, registry, scheduler, pollWorkers);
    }

    /** Readiness: the instance has joined the group and read the feeds and states it was given. */
    @Bean
    HealthIndicator feedRegistryHealthIndicator(FeedOwnership registry, FeedScheduler scheduler) {
        return () -> (registry.ready() ? Health.up() : Health.outOfService().withDetail("reason",
                "joining the ingest group or reading news.feeds and news.feed-state"))
                .withDetail("ownedFeeds", scheduler.ownedCount())
                .withDetail("failingFeeds", scheduler.failingCount())
                .build();
    }
}
