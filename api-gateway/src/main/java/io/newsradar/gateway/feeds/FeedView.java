package io.newsradar.gateway.feeds;

import io.newsradar.contracts.FeedSpec;
import io.newsradar.contracts.FeedState;
import java.time.Duration;

/**
 * A feed as the admin API shows it: its registry entry ({@code news.feeds}) and its health ({@code news.feed-state}).
 *
 * @param pollInterval {@code null} when ingest-service's default applies
 */
public record FeedView(String feedId, String url, String title, String languageHint, Duration pollInterval,
                       boolean fetchFullArticle, boolean enabled, FeedHealth health) {

    static FeedView of(FeedSpec spec, FeedState state) {
        return new FeedView(spec.feedId(), spec.url(), spec.title(), spec.languageHint(), spec.pollInterval(),
                spec.fetchFullArticle(), spec.enabled(), FeedHealth.of(state));
    }
}
