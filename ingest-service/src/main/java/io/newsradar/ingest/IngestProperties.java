package io.newsradar.ingest;

import io.newsradar.contracts.FeedSpec;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * ingest-service settings ({@code newsradar.ingest.*}; environment {@code NEWSRADAR_INGEST_…}).
 *
 * @param feeds                     feeds to poll, given in configuration
 * @param defaultPollInterval       how often a feed is polled when its spec gives no interval
 * @param schedulerTick             how often the scheduler looks for feeds that are due
 * @param userAgent                 the User-Agent every request sends: it names newsradar and where to reach its operator
 * @param requestTimeout            how long one request may take, connecting included
 * @param maxFeedSize               a feed document larger than this is refused
 * @param rememberedArticlesPerFeed how many published article ids are remembered per feed to avoid republishing
 */
@ConfigurationProperties("newsradar.ingest")
public record IngestProperties(
        @DefaultValue List<FeedSpec> feeds,
        @DefaultValue("5m") Duration defaultPollInterval,
        @DefaultValue("1s") Duration schedulerTick,
        @DefaultValue("newsradar/0.1 (news monitoring; +https://github.com/newsradar)") String userAgent,
        @DefaultValue("20s") Duration requestTimeout,
        @DefaultValue("10MB") DataSize maxFeedSize,
        @DefaultValue("5000") int rememberedArticlesPerFeed) {

    public IngestProperties {
        feeds = List.copyOf(feeds);
        Set<String> ids = new HashSet<>();
        for (FeedSpec feed : feeds) {
            if (!ids.add(feed.feedId())) {
                throw new IllegalArgumentException("newsradar.ingest.feeds: feed id '" + feed.feedId() + "' is used twice");
            }
        }
        requirePositive(defaultPollInterval, "default-poll-interval");
        requirePositive(schedulerTick, "scheduler-tick");
        requirePositive(requestTimeout, "request-timeout");
        if (userAgent == null || userAgent.isBlank()) {
            throw new IllegalArgumentException("newsradar.ingest.user-agent must not be blank");
        }
        if (maxFeedSize.toBytes() <= 0 || rememberedArticlesPerFeed <= 0) {
            throw new IllegalArgumentException("newsradar.ingest.max-feed-size and remembered-articles-per-feed must be positive");
        }
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("newsradar.ingest." + name + " must be positive, was " + value);
        }
    }
}
