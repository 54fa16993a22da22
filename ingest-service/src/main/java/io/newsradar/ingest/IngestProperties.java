package io.newsradar.ingest;

import io.newsradar.contracts.FeedSpec;
import io.newsradar.ingest.extract.ExtractionSettings;
import io.newsradar.ingest.schedule.FetchDecision;
import io.newsradar.ingest.schedule.FieldLimits;
import io.newsradar.ingest.schedule.PollTiming;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * ingest-service settings ({@code newsradar.ingest.*}; environment {@code NEWSRADAR_INGEST_…}). The defaults are
 * listed, with what they mean, in {@code ingest-service.yml}.
 *
 * @param feeds                     feeds written to the registry ({@code news.feeds}) at start-up
 * @param userAgent                 the User-Agent every request sends: it names newsradar and where to reach its operator
 * @param rememberedArticlesPerFeed how many published articles each feed's state remembers, to never publish them again
 * @param parseTimeout              how long parsing one feed document may take
 * @param polling                   when feeds are polled
 * @param fetch                     how documents are fetched
 * @param registry                  the feed registry and state topics
 * @param items                     the most ingest reads of a feed document and publishes of each article
 * @param extract                   how article pages are read
 */
@ConfigurationProperties("newsradar.ingest")
public record IngestProperties(
        @DefaultValue List<FeedSpec> feeds,
        @DefaultValue("newsradar/0.1 (news monitoring; +https://github.com/newsradar)") String userAgent,
        @DefaultValue("1000") int rememberedArticlesPerFeed,
        @DefaultValue("10s") Duration parseTimeout,
        @DefaultValue Polling polling,
        @DefaultValue Fetch fetch,
        @DefaultValue Registry registry,
        @DefaultValue Items items,
        @DefaultValue Extract extract) {

    public IngestProperties {
        feeds = List.copyOf(feeds);
        Set<String> ids = new HashSet<>();
        for (FeedSpec feed : feeds) {
            if (!ids.add(feed.feedId())) {
                throw new IllegalArgumentException("newsradar.ingest.feeds: feed id '" + feed.feedId() + "' is used twice");
            }
        }
        if (userAgent == null || userAgent.isBlank()) {
            throw new IllegalArgumentException("newsradar.ingest.user-agent must not be blank");
        }
        if (rememberedArticlesPerFeed <= 0 || rememberedArticlesPerFeed > 5000) {
            // Each remembered article is about 90 bytes of the feed's state record; 5,000 keep it under Kafka's 1 MB.
            throw new IllegalArgumentException("newsradar.ingest.remembered-articles-per-feed must be between 1 and 5000, was "
                    + rememberedArticlesPerFeed);
        }
        requirePositive(parseTimeout, "parse-timeout");
    }

    /**
     * {@code newsradar.ingest.polling.*}: see {@link PollTiming}.
     *
     * @param schedulerTick  how often the scheduler looks for feeds that are due
     * @param concurrency    how many feeds are polled at once, overall
     * @param stateHeartbeat how often an unchanged feed state (polls answered 304) is written anyway
     */
    public record Polling(
            @DefaultValue("5m") Duration defaultInterval,
            @DefaultValue("1m") Duration minInterval,
            @DefaultValue("1h") Duration maxInterval,
            @DefaultValue("0.1") double jitter,
            @DefaultValue("1m") Duration backoffInitial,
            @DefaultValue("1h") Duration temporaryBackoffMax,
            @DefaultValue("24h") Duration permanentBackoffMax,
            @DefaultValue("1s") Duration schedulerTick,
            @DefaultValue("16") int concurrency,
            @DefaultValue("15m") Duration stateHeartbeat) {

        public Polling {
            requirePositive(schedulerTick, "polling.scheduler-tick");
            requirePositive(stateHeartbeat, "polling.state-heartbeat");
            if (concurrency <= 0) {
                throw new IllegalArgumentException("newsradar.ingest.polling.concurrency must be positive, was " + concurrency);
            }
        }

        public PollTiming.Settings timing() {
            return new PollTiming.Settings(defaultInterval, minInterval, maxInterval, jitter, backoffInitial,
                    temporaryBackoffMax, permanentBackoffMax);
        }
    }

    /**
     * {@code newsradar.ingest.fetch.*}: every request, to feeds and article pages.
     *
     * @param connectTimeout        how long opening a connection may take
     * @param readTimeout           how long a server may stay silent, before answering or in the middle of a body
     * @param totalTimeout          how long one fetch may take in all: connecting, every redirect and the whole body
     * @param maxBodySize           the most bytes read from the wire for one response
     * @param maxDecodedSize        the most bytes a body may have once gzip or deflate is undone
     * @param maxRedirects          how many redirects one fetch follows
     * @param allowPrivateNetworks  allow loopback and private networks (local stacks and tests); link-local and cloud
     *                              metadata addresses stay refused
     * @param maxConnectionsPerHost concurrent requests to one host
     * @param maxConnectionsTotal   concurrent requests overall
     * @param maxHeaderCount        the most header fields an answer may have
     * @param maxHeaderLineLength   the longest status or header line an answer may have
     * @param maxBytesInFlight      the most decoded body bytes all fetches together hold while they read; a fetch
     *                              that would pass it is tried again at its next poll
     */
    public record Fetch(
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("20s") Duration readTimeout,
            @DefaultValue("30s") Duration totalTimeout,
            @DefaultValue("10MB") DataSize maxBodySize,
            @DefaultValue("20MB") DataSize maxDecodedSize,
            @DefaultValue("5") int maxRedirects,
            @DefaultValue("false") boolean allowPrivateNetworks,
            @DefaultValue("2") int maxConnectionsPerHost,
            @DefaultValue("64") int maxConnectionsTotal,
            @DefaultValue("100") int maxHeaderCount,
            @DefaultValue("8KB") DataSize maxHeaderLineLength,
            @DefaultValue("64MB") DataSize maxBytesInFlight) {

        public Fetch {
            requirePositive(connectTimeout, "fetch.connect-timeout");
            requirePositive(readTimeout, "fetch.read-timeout");
            requirePositive(totalTimeout, "fetch.total-timeout");
            if (maxBodySize.toBytes() <= 0 || maxDecodedSize.toBytes() <= 0 || maxRedirects < 0 || maxConnectionsPerHost <= 0
                    || maxConnectionsTotal < maxConnectionsPerHost) {
                throw new IllegalArgumentException("newsradar.ingest.fetch: max-body-size, max-decoded-size and "
                        + "max-connections-per-host must be positive, max-redirects not negative, and max-connections-total "
                        + "at least max-connections-per-host");
            }
            if (maxHeaderCount <= 0 || maxHeaderLineLength.toBytes() <= 0 || maxHeaderLineLength.toBytes() > Integer.MAX_VALUE
                    || maxBytesInFlight.toBytes() < maxDecodedSize.toBytes()) {
                throw new IllegalArgumentException("newsradar.ingest.fetch: max-header-count and max-header-line-length "
                        + "must be positive, and max-bytes-in-flight at least max-decoded-size");
            }
        }
    }

    /**
     * {@code newsradar.ingest.extract.*}: reading the story of article pages; see {@link ExtractionSettings}.
     *
     * @param maxPageSize the most of a page that is parsed
     * @param maxDepth    the deepest element nesting kept (deeper text is lifted to this depth)
     * @param deadline    how long one page may take from the moment its poll hands it over
     * @param concurrency pages extracted at once, overall
     * @param queue       pages that may wait for a free extraction; beyond, a page is published from its feed's text
     * @param fetchWhenSummaryUnder an item whose summary (or content) has fewer words than this has its page fetched
     *                    and extracted, whatever its feed's {@code fetch-full-article}; 0 fetches only for those feeds
     */
    public record Extract(
            @DefaultValue("2MB") DataSize maxPageSize,
            @DefaultValue("64") int maxDepth,
            @DefaultValue("5s") Duration deadline,
            @DefaultValue("2") int concurrency,
            @DefaultValue("8") int queue,
            @DefaultValue("60") int fetchWhenSummaryUnder) {

        public Extract {
            settings(maxPageSize, maxDepth, deadline, concurrency, queue);
            if (fetchWhenSummaryUnder < 0) {
                throw new IllegalArgumentException("newsradar.ingest.extract.fetch-when-summary-under must be 0 or more, was "
                        + fetchWhenSummaryUnder);
            }
        }

        /** Which items' pages are fetched. */
        public FetchDecision fetchDecision() {
            return new FetchDecision(fetchWhenSummaryUnder);
        }

        public ExtractionSettings settings() {
            return settings(maxPageSize, maxDepth, deadline, concurrency, queue);
        }

        private static ExtractionSettings settings(DataSize maxPageSize, int maxDepth, Duration deadline, int concurrency,
                int queue) {
            try {
                return new ExtractionSettings((int) Math.min(Integer.MAX_VALUE - 16, maxPageSize.toBytes()), maxDepth,
                        deadline, concurrency, queue);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("newsradar.ingest.extract: " + e.getMessage(), e);
            }
        }
    }

    /**
     * {@code newsradar.ingest.registry.*}.
     *
     * @param bootstrapServers      the Kafka brokers; by default the binder's
     * @param groupId               the consumer group the instances share the feeds through
     * @param seedFromConfiguration whether {@code newsradar.ingest.feeds} is written to {@code news.feeds} at start-up
     * @param releaseTimeout        how long a feed being handed to another instance may finish its poll
     * @param kafkaTimeout          how long reading the state topic, or one write, may take
     */
    public record Registry(
            @DefaultValue("localhost:9092") String bootstrapServers,
            @DefaultValue("ingest-service") String groupId,
            @DefaultValue("true") boolean seedFromConfiguration,
            @DefaultValue("20s") Duration releaseTimeout,
            @DefaultValue("30s") Duration kafkaTimeout) {
    }

    /**
     * {@code newsradar.ingest.items.*}: the most ingest reads of one feed document and publishes of one article, so
     * that no record it writes exceeds what Kafka, classify and index take. Text past its limit is cut at a word and
     * named in {@code RawArticle.truncated}.
     *
     * @param maxTitleLength    characters of a headline
     * @param maxLeadLength     characters of a lead
     * @param maxBodyLength     characters of a body
     * @param maxCategories     categories kept per article (the first ones)
     * @param maxCategoryLength characters of one category
     * @param maxUrlLength      characters of an item's link or GUID; an item with a longer one is refused
     * @param maxEventSize      the serialized article; the body is cut further to fit, and an article that does not fit
     *                          without its body is refused
     * @param maxPerDocument    items read from one feed document (the first ones); the feed's state says when more
     *                          were left unread
     * @param maxXmlDepth       how deeply a feed document's elements may nest; a deeper document is refused
     */
    public record Items(
            @DefaultValue("1000") int maxTitleLength,
            @DefaultValue("5000") int maxLeadLength,
            @DefaultValue("100000") int maxBodyLength,
            @DefaultValue("50") int maxCategories,
            @DefaultValue("200") int maxCategoryLength,
            @DefaultValue("2048") int maxUrlLength,
            @DefaultValue("256KB") DataSize maxEventSize,
            @DefaultValue("1000") int maxPerDocument,
            @DefaultValue("256") int maxXmlDepth) {

        public Items {
            if (maxPerDocument <= 0 || maxPerDocument > 5000) {
                // The state remembers every item of the last document: 5,000 keep it far under Kafka's 1 MB.
                throw new IllegalArgumentException("newsradar.ingest.items.max-per-document must be between 1 and 5000, was "
                        + maxPerDocument);
            }
            try {
                new FieldLimits(maxTitleLength, maxLeadLength, maxBodyLength, maxCategories, maxCategoryLength,
                        maxUrlLength, (int) Math.min(Integer.MAX_VALUE, maxEventSize.toBytes()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("newsradar.ingest.items: " + e.getMessage(), e);
            }
        }

        /** The limits as the publisher applies them. */
        public FieldLimits limits() {
            return new FieldLimits(maxTitleLength, maxLeadLength, maxBodyLength, maxCategories, maxCategoryLength,
                    maxUrlLength, (int) maxEventSize.toBytes());
        }
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("newsradar.ingest." + name + " must be positive, was " + value);
        }
    }
}
