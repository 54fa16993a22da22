package io.newsradar.gateway.feedadmin;

import io.newsradar.contracts.FeedState;
import io.newsradar.contracts.Redaction;
import java.time.Instant;
import java.util.List;

/**
 * How a feed's polling goes, as ingest-service last wrote it to {@code news.feed-state}.
 *
 * @param status              {@code never polled}, {@code ok}, {@code retrying} (failed lately, still within its
 *                            backoff) or {@code failing} (failed long enough to need a human)
 * @param lastPolledAt        when it was last polled, {@code null} if never
 * @param lastSuccessAt       when a poll last succeeded, {@code null} if never
 * @param nextPollAt          when it is due next, {@code null} for "as soon as an ingest instance owns it"
 * @param consecutiveFailures failed polls since the last success
 * @param failing             whether ingest-service has flagged it as failing
 * @param lastOutcome         {@code fetched}, {@code not_modified}, {@code temporary_error}, {@code permanent_error} or
 *                            {@code refused}; {@code null} before the first poll
 * @param lastError           what the last failure was, with URL passwords and secret parameters masked; for a reader
 *                            key a generic reason only (ingest's own words can name resolved addresses and internal
 *                            hosts); {@code null} after a success
 * @param limitsApplied       the limits ingest applied to the feed's last document (items left unread, items refused,
 *                            articles cut), each naming its setting; empty when none applied
 */
public record FeedHealth(String status, Instant lastPolledAt, Instant lastSuccessAt, Instant nextPollAt, int consecutiveFailures,
                         boolean failing, String lastOutcome, String lastError, List<String> limitsApplied) {

    static final FeedHealth NEVER_POLLED = new FeedHealth("never polled", null, null, null, 0, false, null, null, List.of());

    /** The health a state tells, or {@link #NEVER_POLLED} when there is none. */
    static FeedHealth of(FeedState state) {
        if (state == null) {
            return NEVER_POLLED;
        }
        String status = state.failing() ? "failing"
                : state.consecutiveFailures() > 0 ? "retrying"
                : state.lastPolledAt() == null ? "never polled" : "ok";
        return new FeedHealth(status, state.lastPolledAt(), state.lastSuccessAt(), state.nextPollAt(), state.consecutiveFailures(),
                state.failing(), state.lastOutcome(), Redaction.mask(state.lastError()), state.limitsApplied());
    }

    /** The health as a reader key sees it: the last error as a generic reason, without ingest's detail. */
    FeedHealth forReader() {
        if (lastError == null) {
            return this;
        }
        return new FeedHealth(status, lastPolledAt, lastSuccessAt, nextPollAt, consecutiveFailures, failing, lastOutcome,
                genericReason(lastOutcome), limitsApplied);
    }

    private static String genericReason(String outcome) {
        String reason = switch (outcome == null ? "" : outcome) {
            case "temporary_error" -> "the last poll failed (the feed's server could not be reached or answered with an error); it is retried";
            case "permanent_error" -> "the last poll failed (the feed's server refused the request or sent something that is not a feed)";
            case "refused" -> "the last poll was refused: the feed's address is not one newsradar fetches from";
            default -> "the last poll failed";
        };
        return reason + "; an admin key shows the detail";
    }
}
