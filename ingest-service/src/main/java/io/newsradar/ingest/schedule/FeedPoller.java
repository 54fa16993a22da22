package io.newsradar.ingest.schedule;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsradar.contracts.FeedSpec;
import io.newsradar.contracts.RawArticle;
import io.newsradar.ingest.dedupe.PublishedArticles;
import io.newsradar.ingest.fetch.FeedFetcher;
import io.newsradar.ingest.fetch.FetchException;
import io.newsradar.ingest.fetch.FetchResult;
import io.newsradar.ingest.parse.FeedItem;
import io.newsradar.ingest.parse.FeedParseException;
import io.newsradar.ingest.parse.FeedParser;
import io.newsradar.ingest.parse.ParsedFeed;
import io.newsradar.ingest.publish.ArticlePublisher;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls each feed when it is due: conditional GET, parse, publish the items not published before. A failing feed is
 * logged with its URL and the reason, retried after its interval, and never stops the others.
 */
public class FeedPoller {

    private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);

    private final List<FeedSpec> feeds;
    private final Duration defaultInterval;
    private final FeedFetcher fetcher;
    private final FeedParser parser;
    private final PublishedArticles published;
    private final ArticlePublisher publisher;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Counter publishedCounter;
    private final Map<String, PollState> states = new ConcurrentHashMap<>();

    public FeedPoller(List<FeedSpec> feeds, Duration defaultInterval, FeedFetcher fetcher, FeedParser parser,
            PublishedArticles published, ArticlePublisher publisher, Clock clock, MeterRegistry meters) {
        this.feeds = List.copyOf(feeds);
        this.defaultInterval = defaultInterval;
        this.fetcher = fetcher;
        this.parser = parser;
        this.published = published;
        this.publisher = publisher;
        this.clock = clock;
        this.meters = meters;
        this.publishedCounter = Counter.builder("newsradar.ingest.articles.published")
                .description("Articles published to news.articles.raw").register(meters);
    }

    /** Polls every enabled feed whose next poll is due. */
    public void pollDueFeeds() {
        Instant now = clock.instant();
        for (FeedSpec feed : feeds) {
            PollState state = states.computeIfAbsent(feed.feedId(), id -> new PollState());
            if (feed.enabled() && !now.isBefore(state.nextPollAt)) {
                poll(feed, state);
            }
        }
    }

    /** Polls one feed now; returns how many articles it published. */
    int poll(FeedSpec feed, PollState state) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "error";
        int count = 0;
        try {
            FetchResult result = fetcher.fetch(URI.create(feed.url()), state.etag, state.lastModified);
            if (result instanceof FetchResult.Fetched fetched) {
                count = publishNew(feed, parser.parse(URI.create(feed.url()), fetched.body(), fetched.contentType()));
                state.etag = fetched.etag();
                state.lastModified = fetched.lastModified();
                outcome = "fetched";
            } else {
                outcome = "not_modified";
            }
            state.failures = 0;
            state.lastError = null;
        } catch (FetchException | FeedParseException e) {
            state.failures++;
            state.lastError = e.getMessage();
            log.atWarn().addKeyValue("feedId", feed.feedId()).addKeyValue("failures", state.failures)
                    .log("feed {} failed: {}", feed.feedId(), e.getMessage());
        } catch (RuntimeException e) {
            state.failures++;
            state.lastError = e.toString();
            log.atError().addKeyValue("feedId", feed.feedId()).setCause(e)
                    .log("feed {}: publishing failed, will retry at the next poll", feed.feedId());
        } finally {
            state.nextPollAt = clock.instant().plus(feed.pollInterval() != null ? feed.pollInterval() : defaultInterval);
            sample.stop(meters.timer("newsradar.ingest.fetch", "outcome", outcome));
        }
        return count;
    }

    private int publishNew(FeedSpec feed, ParsedFeed parsed) {
        int count = 0;
        Instant now = clock.instant();
        for (FeedItem item : parsed.items()) {
            RawArticle article;
            try {
                article = ItemMapper.toArticle(feed, parsed, item, now);
            } catch (IllegalArgumentException e) {
                log.atWarn().addKeyValue("feedId", feed.feedId()).log("feed {}: skipped an item: {}", feed.feedId(), e.getMessage());
                continue;
            }
            if (published.contains(feed.feedId(), article.articleId())) {
                continue;
            }
            publisher.publish(article);
            published.add(feed.feedId(), article.articleId());
            publishedCounter.increment();
            count++;
        }
        if (count > 0) {
            log.atInfo().addKeyValue("feedId", feed.feedId()).addKeyValue("published", count)
                    .log("feed {}: published {} new articles", feed.feedId(), count);
        }
        return count;
    }

    /** What the poller knows of one feed between polls. */
    static final class PollState {
        volatile Instant nextPollAt = Instant.EPOCH;
        volatile String etag;
        volatile String lastModified;
        volatile int failures;
        volatile String lastError;
    }
}
