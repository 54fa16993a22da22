package io.newsradar.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What an ingest instance remembers about a feed ({@link Topics#FEED_STATE}, keyed by {@code feedId}),
 * so that whichever instance owns the feed next neither re-fetches blindly nor republishes, and so that operators
 * see every feed's health.
 *
 * @param schemaVersion       wire format version; absent reads as the current one
 * @param feedId              the feed this state belongs to
 * @param etag                the last {@code ETag} the feed answered with, may be {@code null}
 * @param lastModified        the last {@code Last-Modified} header, verbatim, may be {@code null}
 * @param recent              articles published from this feed recently, newest first; an item counts as seen only
 *                            once Kafka has acknowledged it
 * @param lastPolledAt        when the feed was last polled, may be {@code null}
 * @param lastSuccessAt       when a poll last succeeded (a 304 included), may be {@code null}
 * @param nextPollAt          when it is due next, may be {@code null} for "now"
 * @param pollInterval        the interval the last full fetch chose from the feed's signals and cadence, before
 *                            jitter; reused while the feed answers 304; may be {@code null}
 * @param consecutiveFailures failed polls since the last success; absent reads as 0
 * @param failing             whether the feed has failed for long enough to need a human; it is still polled, at the
 *                            backoff ceiling; absent reads as {@code false}
 * @param lastOutcome         how the last poll ended: {@code fetched}, {@code not_modified}, {@code temporary_error},
 *                            {@code permanent_error} or {@code refused}; may be {@code null} before the first poll
 * @param lastError           what the last failure was, with where it happened; {@code null} after a success
 * @param limitsApplied       the limits the last document read met, each in a sentence naming its setting (items left
 *                            unread, items refused, articles cut to their field limits, remembered articles dropped
 *                            to fit the record); empty when none applied; absent reads as empty
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FeedState(
        Integer schemaVersion,
        String feedId,
        String etag,
        String lastModified,
        List<SeenArticle> recent,
        Instant lastPolledAt,
        Instant lastSuccessAt,
        Instant nextPollAt,
        Duration pollInterval,
        Integer consecutiveFailures,
        Boolean failing,
        String lastOutcome,
        String lastError,
        List<String> limitsApplied) {

    public static final int SCHEMA_VERSION = 1;

    /** {@code lastOutcome} of a poll that fetched and read the document. */
    public static final String FETCHED = "fetched";
    /** {@code lastOutcome} of a poll the feed answered with 304 Not Modified. */
    public static final String NOT_MODIFIED = "not_modified";

    public FeedState {
        schemaVersion = Checks.schemaVersion(schemaVersion, SCHEMA_VERSION, "FeedState");
        Checks.requireText(feedId, "FeedState.feedId");
        recent = Checks.listOrEmpty(recent);
        consecutiveFailures = consecutiveFailures == null ? 0 : consecutiveFailures;
        failing = failing != null && failing;
        if (consecutiveFailures < 0) {
            throw new IllegalArgumentException("FeedState " + feedId + ": consecutiveFailures must not be negative");
        }
        limitsApplied = Checks.listOrEmpty(limitsApplied);
    }

    /** This state with other limits applied. */
    public FeedState withLimitsApplied(List<String> limits) {
        return new FeedState(schemaVersion, feedId, etag, lastModified, recent, lastPolledAt, lastSuccessAt, nextPollAt,
                pollInterval, consecutiveFailures, failing, lastOutcome, lastError, limits);
    }

    /** This state remembering other recent articles. */
    public FeedState withRecent(List<SeenArticle> recentArticles) {
        return new FeedState(schemaVersion, feedId, etag, lastModified, recentArticles, lastPolledAt, lastSuccessAt,
                nextPollAt, pollInterval, consecutiveFailures, failing, lastOutcome, lastError, limitsApplied);
    }

    /**
     * The state after a poll that fetched the document and handed every new item to Kafka: the document's validators,
     * what the feed published, when to poll next, and no failure.
     *
     * @param polledAt     when the poll started
     * @param nextPoll     when the feed is due next
     * @param interval     the interval chosen from the feed's signals, before jitter
     * @param limits       the limits the document met
     */
    public FeedState polled(String newEtag, String newLastModified, List<SeenArticle> published, Instant polledAt,
            Instant nextPoll, Duration interval, List<String> limits) {
        return new FeedState(SCHEMA_VERSION, feedId, newEtag, newLastModified, published, polledAt, polledAt, nextPoll,
                interval, 0, false, FETCHED, null, limits);
    }

    /** The state after a poll the feed answered with 304: validators, articles and limits kept, no failure. */
    public FeedState notModified(Instant polledAt, Instant nextPoll, Duration interval) {
        return new FeedState(SCHEMA_VERSION, feedId, etag, lastModified, recent, polledAt, polledAt, nextPoll, interval,
                0, false, NOT_MODIFIED, null, limitsApplied);
    }

    /**
     * The state after a poll that fetched the document but stopped publishing half-way: the articles Kafka
     * acknowledged are remembered, the old validators kept (so the next poll fetches the document again) and the
     * document's limits recorded; {@link #failed} then records the failure.
     */
    public FeedState partlyPublished(List<SeenArticle> published, Instant polledAt, List<String> limits) {
        return new FeedState(SCHEMA_VERSION, feedId, etag, lastModified, published, polledAt, lastSuccessAt, null,
                pollInterval, consecutiveFailures, failing, lastOutcome, null, limits);
    }

    /**
     * The state after a failed poll: one more failure in a row, validators, articles, interval and limits kept.
     *
     * @param nextPoll      when to try again (the backoff)
     * @param stillFailing  whether the feed has now failed for long enough to need a human
     * @param outcome       how the poll ended
     * @param error         what failed, and where
     */
    public FeedState failed(Instant polledAt, Instant nextPoll, boolean stillFailing, String outcome, String error) {
        return new FeedState(SCHEMA_VERSION, feedId, etag, lastModified, recent, polledAt, lastSuccessAt, nextPoll,
                pollInterval, consecutiveFailures + 1, stillFailing, outcome, error, limitsApplied);
    }

    /**
     * This state with the validators, timing and failures of its URL forgotten, for a feed whose URL changed: the
     * articles it published and its last outcome are kept; it is due at once.
     */
    public FeedState withoutValidators() {
        return new FeedState(schemaVersion, feedId, null, null, recent, lastPolledAt, lastSuccessAt, null, null, 0, false,
                lastOutcome, null, limitsApplied);
    }

    /** The state of a feed never polled. */
    public static FeedState initial(String feedId) {
        return new FeedState(SCHEMA_VERSION, feedId, null, null, List.of(), null, null, null, null, 0, false, null, null, List.of());
    }

    /**
     * One article a feed published.
     *
     * @param articleId   its id ({@link ArticleId})
     * @param storyKey    a short hash of its URL without the scheme, so an item whose link or GUID moves from
     *                    {@code http} to {@code https} is known as the same story
     * @param contentHash a short hash of its words (title, lead, body; case, diacritics and punctuation ignored): a
     *                    different hash under the same id is a material change, republished as a new revision
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SeenArticle(String articleId, String storyKey, String contentHash) {

        public SeenArticle {
            Checks.requireText(articleId, "FeedState.SeenArticle.articleId");
        }
    }
}
