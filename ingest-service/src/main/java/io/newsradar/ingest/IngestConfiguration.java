package io.newsradar.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsradar.ingest.dedupe.PublishedArticles;
import io.newsradar.ingest.fetch.FeedFetcher;
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

    @Bean
    FeedPoller feedPoller(IngestProperties properties, StreamBridge bridge, MeterRegistry meters) {
        return new FeedPoller(
                properties.feeds(),
                properties.defaultPollInterval(),
                new FeedFetcher(properties.userAgent(), properties.requestTimeout(), properties.maxFeedSize().toBytes()),
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
