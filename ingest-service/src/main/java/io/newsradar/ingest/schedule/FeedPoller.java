package io.newsradar.ingest.schedule;

import io.micrometer.core.instrument.Timer;
import io.newsradar.contracts.Redaction;
import io.newsradar.contracts.FeedSpec;
import io.newsradar.contracts.FeedState;
import io.newsradar.ingest.fetch.FeedFetcher;
import io.newsradar.ingest.fetch.FetchException;
import io.newsradar.ingest.fetch.FetchResult;
import io.newsradar.ingest.parse.FeedItem;
import io.newsradar.ingest.parse.FeedParseException;
import io.newsradar.ingest.parse.FeedParser;
import io.newsradar.ingest.parse.ParsedFeed;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll of one feed: a conditional GET, the parse, the items not published before (or changed since) handed to
 * {@link ItemPublisher}, and the feed's next state: validators, what it published, when to poll next, failures.
 *
 * <p>The validators ({@code ETag}, {@code Last-Modified}) are kept only when every new item was acknowledged by Kafka;
 * when publishing fails half-way the next poll fetches the document again and publishes the rest, so a Kafka outage
 * delays articles and loses none. Every failure ends in a state that names it.
 */
public class FeedPoller {

    private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);
    /** The most of an error message a feed's state keeps. */
    private static final int MAX_ERROR_LENGTH = 2000;

    private final FeedFetcher fetcher;
    private final FeedParser parser;
    private final ItemPublisher items;
    private final PollTiming timing;
    private final IngestMetrics metrics;
    private final Clock clock;

    public FeedPoller(FeedFetcher fetcher, FeedParser parser, ItemPublisher items, PollTiming timing,
            IngestMetrics metrics, Clock clock) {
        this.fetcher = fetcher;
        this.parser = parser;
        this.items = items;
        this.timing = timing;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Polls the feed once. Whatever happens, a state comes back: an exception or error no stage expected (a stack
     * overflow deep in a parser, say) ends as a permanent failure that names it, with backoff.
     */
    public PollResult poll(FeedSpec feed, FeedState state) {
        Instant started = clock.instant();
        try {
            return pollOnce(feed, state, started);
        } catch (Throwable e) {
            return crashed(feed, state, started, e);
        }
    }

    /**
     * The state after a poll that stopped on something unexpected: a permanent failure with backoff, whose error names
     * the exception or error. An {@link OutOfMemoryError} is recorded too, though the service may not outlive it.
     */
    public PollResult crashed(FeedSpec feed, FeedState state, Instant started, Throwable e) {
        String error = "feed " + Redaction.mask(feed.url()) + ": the poll stopped on " + e.getClass().getName()
                + (e.getMessage() == null ? "" : ": " + Redaction.mask(e.getMessage()));
        if (e instanceof StackOverflowError) {
            // its thousand frames say nothing the message does not
            log.atError().addKeyValue("feedId", feed.feedId()).log("{}", error);
        } else {
            log.atError().addKeyValue("feedId", feed.feedId()).setCause(e).log("{}", error);
        }
        return failed(feed, state, started, PollResult.PERMANENT_ERROR, false, null, error);
    }

    private PollResult pollOnce(FeedSpec feed, FeedState state, Instant started) {
        URI url = URI.create(feed.url());
        Timer.Sample sample = metrics.startFetch();
        FetchResult result;
        try {
            result = fetcher.fetch(url, state.etag(), state.lastModified());
        } catch (FetchException e) {
            metrics.fetched(sample, "feed", outcomeOf(e), -1);
            return failed(feed, state, started, outcomeOf(e), e.isTemporary(), e.retryAfter(), e.getMessage());
        }
        if (result instanceof FetchResult.Fetched fetched) {
            metrics.fetched(sample, "feed", PollResult.FETCHED, fetched.body().length);
            return fetched(feed, state, started, fetched);
        }
        metrics.fetched(sample, "feed", PollResult.NOT_MODIFIED, 0);
        PollTiming.Planned next = timing.afterSuccess(feed.pollInterval(), state.pollInterval(), List.of(), result.cache(),
                List.of(), started);
        return done(state.notModified(started, next.at(), next.interval()), 0, 0);
    }

    private PollResult fetched(FeedSpec feed, FeedState state, Instant started, FetchResult.Fetched fetched) {
        ParsedFeed parsed;
        try {
            parsed = parser.parse(fetched.finalUrl(), fetched.body(), fetched.contentType());
        } catch (FeedParseException e) {
            return failed(feed, state, started, PollResult.PERMANENT_ERROR, false, null, e.getMessage());
        }
        ItemPublisher.Published published = items.publishNew(feed, parsed, state.recent());
        List<String> limits = limitsApplied(parsed, published);
        List<Instant> times = parsed.items().stream().map(FeedItem::published).toList();
        PollTiming.Planned next = timing.afterSuccess(feed.pollInterval(), state.pollInterval(),
                Arrays.asList(parsed.ttl(), parsed.updatePeriod()), fetched.cache(), times, started);
        if (published.error() != null) {
            // Keep the old validators: the next poll must fetch the document again and publish what is left.
            FeedState partial = state.partlyPublished(published.recent(), started, limits);
            return failed(feed, partial, started, PollResult.TEMPORARY_ERROR, true, null, published.error(),
                    published.created(), published.updated());
        }
        if (published.created() + published.updated() > 0) {
            log.atInfo().addKeyValue("feedId", feed.feedId()).addKeyValue("published", published.created())
                    .addKeyValue("updated", published.updated())
                    .log("feed {}: published {} new and {} updated articles", feed.feedId(), published.created(), published.updated());
        }
        return done(state.polled(fetched.etag(), fetched.lastModified(), published.recent(), started, next.at(),
                next.interval(), limits), published.created(), published.updated());
    }

    /** The limits this document met, in sentences an operator reads in the feed's state and health. */
    private static List<String> limitsApplied(ParsedFeed parsed, ItemPublisher.Published published) {
        List<String> limits = new ArrayList<>();
        if (parsed.itemsCut()) {
            limits.add("read the first " + parsed.items().size() + " of " + parsed.itemsInDocument()
                    + " items of the document (newsradar.ingest.items.max-per-document)");
        }
        if (published.refused() > 0) {
            limits.add(published.refused() + " items not published: an identity too long, too large even cut, or refused"
                    + " by Kafka (newsradar_ingest_items_refused_total says which)");
        }
        if (published.truncated() > 0) {
            limits.add(published.truncated() + " articles published with text cut to its limits (newsradar.ingest.items.*)");
        }
        return limits;
    }

    private PollResult failed(FeedSpec feed, FeedState state, Instant started, String outcome, boolean temporary,
            Duration retryAfter, String error) {
        return failed(feed, state, started, outcome, temporary, retryAfter, error, 0, 0);
    }

    private PollResult failed(FeedSpec feed, FeedState state, Instant started, String outcome, boolean temporary,
            Duration retryAfter, String error, int created, int updated) {
        String shown = TextCut.cut(Redaction.mask(error), MAX_ERROR_LENGTH);
        int failures = state.consecutiveFailures() + 1;
        PollTiming.Next next = timing.afterFailure(failures, temporary, retryAfter, started);
        if (next.failing() && !state.failing()) {
            log.atError().addKeyValue("feedId", feed.feedId()).addKeyValue("failures", failures)
                    .log("feed {} is failing after {} attempts; still polled, next at {}: {}", feed.feedId(), failures,
                            next.at(), shown);
        } else {
            log.atWarn().addKeyValue("feedId", feed.feedId()).addKeyValue("failures", failures).addKeyValue("outcome", outcome)
                    .log("feed {} failed ({} in a row, next poll at {}): {}", feed.feedId(), failures, next.at(), shown);
        }
        return done(state.failed(started, next.at(), next.failing(), outcome, shown), created, updated, outcome);
    }

    private PollResult done(FeedState state, int created, int updated) {
        return done(state, created, updated, state.lastOutcome());
    }

    private PollResult done(FeedState state, int created, int updated, String outcome) {
        metrics.poll(outcome);
        return new PollResult(state, outcome, created, updated);
    }

    private static String outcomeOf(FetchException e) {
        return switch (e.kind()) {
            case TEMPORARY -> PollResult.TEMPORARY_ERROR;
            case PERMANENT -> PollResult.PERMANENT_ERROR;
            case REFUSED -> PollResult.REFUSED;
        };
    }
}
