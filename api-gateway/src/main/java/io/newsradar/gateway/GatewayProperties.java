package io.newsradar.gateway;

import io.newsradar.gateway.security.ApiKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * api-gateway settings ({@code newsradar.gateway.*}; environment {@code NEWSRADAR_GATEWAY_…}).
 *
 * @param searchTimeout   how long one Elasticsearch call may take before the client gets a 503
 * @param maxConcurrentSearches Elasticsearch calls this gateway makes at once; past it a request gets a 503 with
 *                        {@code Retry-After} at once, so that under overload the answers given stay fast
 * @param defaultPageSize articles per page when the client does not ask
 * @param maxPageSize     the most articles one page may hold
 * @param apiKeys         the API keys: name, hex SHA-256 of the key ({@code sha256sum}), role {@code reader} or
 *                        {@code admin}; the keys themselves are never stored
 * @param rateLimit       each key's token bucket
 * @param kafka           where the feed registry lives ({@code news.feeds}, {@code news.feed-state})
 * @param maxOpmlSize     the largest OPML document {@code POST /api/v1/feeds/opml} accepts
 * @param live            the live stream, {@code GET /api/v1/stream}
 * @param cursorKey       the secret page cursors are signed with (HMAC-SHA256), at least 32 characters; when unset,
 *                        a random key per start, so cursors do not outlive the process. Gateways behind one
 *                        balancer must share it
 * @param maxHistogramBuckets the most buckets the facets' publication histogram holds; past it the interval widens
 * @param dataDir         a newsroom's data directory, whose files take precedence over the bundled ones: the same one
 *                        classify-service reads ({@code NEWSRADAR_DATA_DIR} sets both), so the filters accept exactly
 *                        the codes and topics the classifier tags with; {@code null} or empty for the bundled data
 * @param export          the bulk export, {@code GET /api/v1/export}
 */
@ConfigurationProperties("newsradar.gateway")
public record GatewayProperties(
        @DefaultValue("5s") Duration searchTimeout,
        @DefaultValue("32") int maxConcurrentSearches,
        @DefaultValue("20") int defaultPageSize,
        @DefaultValue("100") int maxPageSize,
        @DefaultValue List<ApiKeys.Key> apiKeys,
        @DefaultValue RateLimit rateLimit,
        @DefaultValue Kafka kafka,
        @DefaultValue("1MB") DataSize maxOpmlSize,
        @DefaultValue Live live,
        String cursorKey,
        @DefaultValue("1000") int maxHistogramBuckets,
        Path dataDir,
        @DefaultValue Export export) {

    /**
     * @param requestsPerSecond the sustained rate of one key
     * @param burst             how many requests one key may make at once
     */
    public record RateLimit(@DefaultValue("20") double requestsPerSecond, @DefaultValue("40") int burst) {
    }

    /**
     * @param bootstrapServers the Kafka brokers, {@code host:port,…}
     * @param timeout          how long a feed-registry write may wait for Kafka's acknowledgement, and a read for the
     *                         gateway's view of the registry to catch up, before the client gets a 503
     */
    public record Kafka(@DefaultValue("localhost:9092") String bootstrapServers, @DefaultValue("5s") Duration timeout) {
    }

    /**
     * @param horizon           articles published longer ago than this (backfills, replays) are searchable but not pushed
     *                          live, nor sent on resume
     * @param heartbeat         how often an idle stream gets a comment line, so proxies keep it open
     * @param idleTimeout       a stream that has sent no article for this long is ended; a client resumes with
     *                          {@code Last-Event-ID}
     * @param bufferSize        articles one stream may fall behind by before it gets a {@code gap} event and ends
     * @param maxResume         the most missed articles one resume sends; past it the stream sends them, then a
     *                          {@code gap}, and the client resumes again from there
     * @param recentArticles    the latest articles read from Kafka kept in memory, so a resume needs the index only for
     *                          what is older (and so what Kafka has and the index has not yet is not lost)
     * @param maxStreams        open streams this gateway holds at most; past it, {@code 503}
     * @param maxStreamsPerKey  open streams one API key may hold; past it, {@code 429}
     */
    public record Live(
            @DefaultValue("48h") Duration horizon,
            @DefaultValue("15s") Duration heartbeat,
            @DefaultValue("30m") Duration idleTimeout,
            @DefaultValue("256") int bufferSize,
            @DefaultValue("1000") int maxResume,
            @DefaultValue("2000") int recentArticles,
            @DefaultValue("5000") int maxStreams,
            @DefaultValue("50") int maxStreamsPerKey) {

        public Live {
            if (horizon.isNegative() || horizon.isZero() || heartbeat.isNegative() || heartbeat.isZero()
                    || idleTimeout.isNegative() || idleTimeout.isZero()) {
                throw new IllegalArgumentException("newsradar.gateway.live: horizon, heartbeat and idle-timeout must be positive");
            }
            if (bufferSize < 1 || maxResume < 1 || recentArticles < 1) {
                throw new IllegalArgumentException("newsradar.gateway.live: buffer-size, max-resume and recent-articles must be at least 1");
            }
            if (maxStreams < 1 || maxStreamsPerKey < 1 || maxStreamsPerKey > maxStreams) {
                throw new IllegalArgumentException("newsradar.gateway.live: max-streams and max-streams-per-key must be at least 1,"
                        + " and max-streams-per-key at most max-streams");
            }
        }
    }

    /**
     * @param maxPerKey  exports one API key may run at once; past it, {@code 429}
     * @param maxExports exports this gateway runs at once; past it, {@code 503}
     * @param maxSpan    the longest span from {@code from} to {@code to} one export may cover; {@code from} defaults to
     *                   {@code to} minus this
     * @param pageSize   articles read from Elasticsearch per request; at most two pages are held per export
     * @param keepAlive  how long the export's point in time outlives each page read: a client that stops reading for
     *                   longer loses its export (and resumes with {@code after})
     */
    public record Export(
            @DefaultValue("2") int maxPerKey,
            @DefaultValue("16") int maxExports,
            @DefaultValue("366d") Duration maxSpan,
            @DefaultValue("500") int pageSize,
            @DefaultValue("5m") Duration keepAlive) {

        public Export {
            if (maxPerKey < 1 || maxExports < maxPerKey) {
                throw new IllegalArgumentException("newsradar.gateway.export: max-per-key must be at least 1 and at most max-exports");
            }
            if (pageSize < 1 || pageSize > 10_000) {
                throw new IllegalArgumentException("newsradar.gateway.export.page-size must be from 1 to 10000, was " + pageSize);
            }
            if (maxSpan.isNegative() || maxSpan.isZero() || keepAlive.toSeconds() < 1) {
                throw new IllegalArgumentException("newsradar.gateway.export: max-span must be positive and keep-alive at least 1s");
            }
        }
    }

    public GatewayProperties {
        if (dataDir != null && dataDir.toString().isEmpty()) {
            dataDir = null;
        }
        if (dataDir != null && !Files.isDirectory(dataDir)) {
            throw new IllegalArgumentException("newsradar.gateway.data-dir " + dataDir + " is not a directory");
        }
        if (defaultPageSize <= 0 || maxPageSize < defaultPageSize) {
            throw new IllegalArgumentException("newsradar.gateway.default-page-size must be positive and at most max-page-size");
        }
        if (maxHistogramBuckets < 10 || maxHistogramBuckets > 10_000) {
            throw new IllegalArgumentException("newsradar.gateway.max-histogram-buckets must be from 10 to 10000 (Elasticsearch"
                    + " allows 65536 buckets per search), was " + maxHistogramBuckets);
        }
    }
}
