package io.newsradar.gateway.searches;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A saved search as a client sends it to {@code POST /api/v1/searches} or {@code PUT /api/v1/searches/{id}}, checked.
 *
 * @param name         a human name
 * @param query        the article filters, parameter to values, as {@code /api/v1/articles} accepts them
 * @param webhook      where matches go, or {@code null} for a search followed by its feed and stream only
 * @param enabled      whether alert-service matches it
 * @param rotateSecret on PUT: whether the webhook gets a new secret
 */
public record SavedSearchRequest(String name, Map<String, List<String>> query, Webhook webhook, boolean enabled, boolean rotateSecret) {

    public SavedSearchRequest {
        query = Collections.unmodifiableMap(new LinkedHashMap<>(query)); // in the client's order
    }

    /**
     * The webhook part: the secret is never sent, the gateway makes it.
     *
     * @param batch  articles per POST, 1 to 100
     * @param window how long matches wait to be batched, {@code null} for no wait
     */
    public record Webhook(String url, int batch, Duration window) {
    }
}
