package io.newsradar.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsradar.ingest.dedupe.PublishedArticles;
import io.newsradar.ingest.fetch.FeedFetcher;
import io.newsradar.ingest.fetch.FetchSettings;
import io.newsradar.ingest.parse.FeedParser;
import io.newsradar.ingest.publish.ArticlePublisher;
import io.newsradar.ingest.schedule.FeedPoller;
import java.time.Clock;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/** Wires the plain-Java pipeline stages together; the logic lives in the stage packages. */
@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

    /** Closed with the context: its connection pool and its deadline thread. */
    @Bean
    FeedFetcher feedFetcher(IngestProperties properties) {
        IngestProperties.Fetch fetch = properties.fetch();
        return new FeedFetcher(new FetchSettings(properties.userAgent(), fetch.connectTimeout(), fetch.readTimeout(),
                properties.requestTimeout(), properties.maxFeedSize().toBytes(), fetch.maxDecodedSize().toBytes(),
                fetch.maxRedirects(), fetch.allowPrivateNetworks(), fetch.maxConnectionsPerHost(), fetch.maxConnectionsTotal()));
    }

    @Bean
    FeedPoller feedPoller(IngestProperties properties, FeedFetcher fetcher, StreamBridge bridge, MeterRegistry meters) {
        return new FeedPoller(
                properties.feeds(),
                properties.defaultPollInterval(),
                fetcher,
                new FeedParser(),
                new PublishedArticles(properties.rememberedArticlesPerFeed()),
                ArticlePublisher.toKafka(bridge),
                Clock.systemUTC(),
                meters);
    }

    @Bean
    PollSchedule pollSchedule(FeedPoller poller) {
        return new PollSchedule(poller);
    }

    /** Looks for due feeds every {@code newsradar.ingest.scheduler-tick}. */
    static class PollSchedule {

        private final FeedPoller poller;

        PollSchedule(FeedPoller poller) {
            this.poller = poller;
        }

        @Scheduled(fixedDelayString = "${newsradar.ingest.scheduler-tick:1s}", initialDelayString = "${newsradar.ingest.scheduler-tick:1s}")
        void tick() {
            poller.pollDueFeeds();
        }
    }
}
