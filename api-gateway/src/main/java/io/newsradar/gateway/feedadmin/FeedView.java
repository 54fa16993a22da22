package io.newsradar.gateway.feedadmin;

import io.newsradar.contracts.FeedSpec;
import io.newsradar.contracts.FeedState;
import io.newsradar.contracts.Redaction;
import io.newsradar.gateway.security.ApiKeys;
import java.time.Duration;

/**
 * A feed as the admin API shows it: its registry entry ({@code news.feeds}) and its health ({@code news.feed-state}).
 * An admin key sees the URL as registered (so that what it reads it can write back) and the last error with secrets
 * masked; a reader key sees the URL with its userinfo password masked and a generic reason for the last error.
 *
 * @param pollInterval {@code null} when ingest-service's default applies
 */
public record FeedView(String feedId, String url, String title, String languageHint, Duration pollInterval,
                       boolean fetchFullArticle, boolean enabled, FeedHealth health) {

    static FeedView of(FeedSpec spec, FeedState state) {
        return new FeedView(spec.feedId(), spec.url(), spec.title(), spec.languageHint(), spec.pollInterval(),
                spec.fetchFullArticle(), spec.enabled(), FeedHealth.of(state));
    }

    /** The feed as a key of this role may see it; anything but an admin sees the reader's view. */
    FeedView seenBy(ApiKeys.Role role) {
        if (role == ApiKeys.Role.ADMIN) {
            return this;
        }
        return new FeedView(feedId, Redaction.mask(url), title, languageHint, pollInterval, fetchFullArticle, enabled, health.forReader());
    }
}
