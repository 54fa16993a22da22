package io.newsradar.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A saved search ({@link Topics#SEARCHES}, keyed by {@code searchId}): the filters of {@code GET /api/v1/articles}
 * kept under a name, matched by alert-service against every classified article, and the webhook it delivers to.
 *
 * @param schemaVersion wire format version; absent reads as the current one
 * @param searchId      stable identifier: letters, digits, {@code . _ -}, at most 100 characters
 * @param name          a human name, shown in deliveries
 * @param owner         the name of the API key that saved it; that key (or an admin) sees and changes it
 * @param query         the article filters as query parameters ({@code q}, {@code pair}, {@code country},
 *                      {@code region}, {@code topic}, {@code lang}, {@code feed}, {@code source},
 *                      {@code minConfidence}), each with its values
 * @param webhook       where matches are delivered, {@code null} for a search followed by stream or feed only
 * @param enabled       whether it is matched at all; absent reads as {@code true}
 * @param createdAt     when it was first saved
 * @param updatedAt     when it was last changed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SavedSearch(
        Integer schemaVersion,
        String searchId,
        String name,
        String owner,
        Map<String, List<String>> query,
        Webhook webhook,
        Boolean enabled,
        Instant createdAt,
        Instant updatedAt) {

    public static final int SCHEMA_VERSION = 1;

    private static final Pattern SEARCH_ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    public SavedSearch {
        schemaVersion = Checks.schemaVersion(schemaVersion, SCHEMA_VERSION, "SavedSearch");
        if (searchId == null || !SEARCH_ID.matcher(searchId).matches()) {
            throw new IllegalArgumentException("SavedSearch.searchId must be 1-100 letters, digits, '.', '_' or '-', was "
                    + (searchId == null ? "null" : "'" + searchId + "'"));
        }
        Checks.requireText(name, "SavedSearch " + searchId + ": name");
        Checks.requireText(owner, "SavedSearch " + searchId + ": owner");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        if (query != null) {
            query.forEach((parameter, values) -> copy.put(parameter, Checks.listOrEmpty(values)));
        }
        query = java.util.Collections.unmodifiableMap(copy);
        enabled = enabled == null || enabled;
    }

    /**
     * Where a search's matches go.
     *
     * @param url    an absolute {@code http(s)} URL, checked by the same rules as a feed's before each delivery
     * @param secret the HMAC-SHA256 key of {@code X-Newsradar-Signature-256}; shown to the owner once, when saved
     * @param batch  how many articles one POST may carry, 1 (or absent) for one POST per article
     * @param window how long matches wait to be batched, absent for no wait
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Webhook(String url, String secret, Integer batch, Duration window) {

        public Webhook {
            Checks.requireText(url, "SavedSearch.webhook.url");
            Checks.requireText(secret, "SavedSearch.webhook.secret");
            batch = batch == null ? 1 : batch;
            if (batch < 1 || batch > 100) {
                throw new IllegalArgumentException("SavedSearch.webhook.batch must be 1-100, was " + batch);
            }
            if (window != null && window.isNegative()) {
                throw new IllegalArgumentException("SavedSearch.webhook.window must not be negative, was " + window);
            }
        }
    }
}
