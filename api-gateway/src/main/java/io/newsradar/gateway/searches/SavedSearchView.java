package io.newsradar.gateway.searches;

import io.newsradar.contracts.SavedSearch;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A saved search as the API shows it. The webhook's secret is shown once, in the answer that made it (the search's
 * creation, a PUT that added a webhook or asked {@code rotateSecret}); every other answer gives {@code null}.
 *
 * @param webhook {@code null} for a search without one
 * @param links   where the search's articles can be followed
 */
public record SavedSearchView(String searchId, String name, String owner, Map<String, List<String>> query, Webhook webhook,
                              boolean enabled, Instant createdAt, Instant updatedAt, Links links) {

    /**
     * @param secret the HMAC-SHA256 key deliveries are signed with; {@code null} but in the answer that made it
     */
    public record Webhook(String url, String secret, int batch, Duration window) {
    }

    /** The search's own Atom and RSS feeds and its live stream, relative to the API's root. */
    public record Links(String atom, String rss, String stream) {
    }

    static SavedSearchView of(SavedSearch search, boolean showSecret) {
        SavedSearch.Webhook hook = search.webhook();
        Webhook webhook = hook == null ? null : new Webhook(hook.url(), showSecret ? hook.secret() : null, hook.batch(), hook.window());
        String base = "/api/v1/searches/" + search.searchId();
        return new SavedSearchView(search.searchId(), search.name(), search.owner(), search.query(), webhook, search.enabled(),
                search.createdAt(), search.updatedAt(), new Links(base + "/feed.atom", base + "/feed.rss", base + "/stream"));
    }
}
