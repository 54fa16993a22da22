package io.newsradar.ingest.schedule;

import io.newsradar.contracts.FeedState;

/**
 * What one poll of one feed did.
 *
 * @param state     the feed's state after it
 * @param outcome   {@link #FETCHED}, {@link #NOT_MODIFIED}, {@link #TEMPORARY_ERROR}, {@link #PERMANENT_ERROR} or {@link #REFUSED}
 * @param published articles published for the first time
 * @param updated   articles published again because their text changed
 */
public record PollResult(FeedState state, String outcome, int published, int updated) {

    public static final String FETCHED = FeedState.FETCHED;
    public static final String NOT_MODIFIED = FeedState.NOT_MODIFIED;
    public static final String TEMPORARY_ERROR = "temporary_error";
    public static final String PERMANENT_ERROR = "permanent_error";
    public static final String REFUSED = "refused";
}
