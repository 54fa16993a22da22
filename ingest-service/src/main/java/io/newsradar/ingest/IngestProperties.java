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
 * @param requestTimeout            how long one fetch may take in all: connecting, redirects and the whole body
 * @param maxFeedSize               a response with more bytes than this on the wire is refused
 * @param rememberedArticlesPerFeed how many published article ids are remembered per feed to avoid republishing
 * @param fetch                     the other limits of every fetch ({@code newsradar.ingest.fetch.*})
 */
@ConfigurationProperties("newsradar.ingest")
public record IngestProperties(
        @DefaultValue List<FeedSpec> feeds,
        @DefaultValue("5m") Duration defaultPollInterval,
        @DefaultValue("1s") Duration schedulerTick,
        @DefaultValue("newsradar/0.1 (news monitoring; +https://github.com/newsradar)") String userAgent,
        @DefaultValue("30s") Duration requestTimeout,
        @DefaultValue("10MB") DataSize maxFeedSize,
        @DefaultValue("5000") int rememberedArticlesPerFeed,
        @DefaultValue Fetch fetch) {

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

    /**
     * How every fetch behaves beyond the User-Agent, the total time and the size on the wire
     * ({@code newsradar.ingest.fetch.*}; environment {@code NEWSRADAR_INGEST_FETCH_…}).
     *
     * @param allowPrivateNetworks  fetch loopback and private networks too, for local use and tests; link-local and
     *                              cloud metadata addresses stay refused
     * @param connectTimeout        how long opening a connection may take
     * @param readTimeout           how long a server may stay silent
     * @param maxDecodedSize        a body larger than this once gzip or deflate is undone is refused
     * @param maxRedirects          how many redirects one fetch follows
     * @param maxConnectionsPerHost how many requests may be open to one host at once
     * @param maxConnectionsTotal   how many requests may be open at once in all
     */
    public record Fetch(
            @DefaultValue("false") boolean allowPrivateNetworks,
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("20s") Duration readTimeout,
            @DefaultValue("10MB") DataSize maxDecodedSize,
            @DefaultValue("5") int maxRedirects,
            @DefaultValue("2") int maxConnectionsPerHost,
            @DefaultValue("20") int maxConnectionsTotal) {

        public Fetch {
            requirePositive(connectTimeout, "fetch.connect-timeout");
            requirePositive(readTimeout, "fetch.read-timeout");
            if (maxDecodedSize.toBytes() <= 0 || maxRedirects < 0 || maxConnectionsPerHost <= 0
                    || maxConnectionsTotal < maxConnectionsPerHost) {
                throw new IllegalArgumentException("newsradar.ingest.fetch: max-decoded-size and max-connections-per-host must be "
                        + "positive, max-redirects not negative, and max-connections-total at least max-connections-per-host");
            }
        }
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("newsradar.ingest." + name + " must be positive, was " + value);
        }
    }
}
