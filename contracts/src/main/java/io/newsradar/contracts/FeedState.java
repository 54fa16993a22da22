package io.newsradar.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * What an ingest instance remembers about a feed ({@link Topics#FEED_STATE}, keyed by {@code feedId}),
 * so that whichever instance owns the feed next neither re-fetches blindly nor republishes.
 *
 * @param schemaVersion       wire format version; absent reads as the current one
 * @param feedId              the feed this state belongs to
 * @param etag                the last {@code ETag} the feed answered with, may be {@code null}
 * @param lastModified        the last {@code Last-Modified} header, verbatim, may be {@code null}
 * @param recentArticleIds    ids of articles published from this feed recently, newest first
 * @param lastPolledAt        when the feed was last polled, may be {@code null}
 * @param nextPollAt          when it is due next, may be {@code null} for "now"
 * @param consecutiveFailures failed polls since the last success; absent reads as 0
 * @param lastError           what the last failure was, with where it happened; {@code null} after a success
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FeedState(
        Integer schemaVersion,
        String feedId,
        String etag,
        String lastModified,
        List<String> recentArticleIds,
        Instant lastPolledAt,
        Instant nextPollAt,
        Integer consecutiveFailures,
        String lastError) {

    public static final int SCHEMA_VERSION = 1;

    public FeedState {
        schemaVersion = Checks.schemaVersion(schemaVersion, SCHEMA_VERSION, "FeedState");
        Checks.requireText(feedId, "FeedState.feedId");
        recentArticleIds = Checks.listOrEmpty(recentArticleIds);
        consecutiveFailures = consecutiveFailures == null ? 0 : consecutiveFailures;
        if (consecutiveFailures < 0) {
            throw new IllegalArgumentException("FeedState " + feedId + ": consecutiveFailures must not be negative");
        }
    }

    /** The state of a feed never polled. */
    public static FeedState initial(String feedId) {
        return new FeedState(SCHEMA_VERSION, feedId, null, null, List.of(), null, null, 0, null);
    }
}
