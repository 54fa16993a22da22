package io.newsradar.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * One match of a saved search ({@link Topics#ALERTS}, keyed by {@code searchId}): what alert-service delivers to the
 * search's webhook, written before the matched article's offset is committed so that nothing matched is lost.
 *
 * @param schemaVersion wire format version; absent reads as the current one
 * @param deliveryId    {@link #deliveryId(String, String)} of the search and the article: the same match, found again
 *                      after a redelivery or a restart, has the same one, which receivers use to drop repeats
 * @param search        the search as it was when it matched, without its webhook (its URL and secret are read from
 *                      {@link Topics#SEARCHES} when delivering, so that a rotated secret or a removed search applies)
 * @param article       the article that matched, without its body
 * @param matchedAt     when it was matched
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlertDelivery(Integer schemaVersion, String deliveryId, SavedSearch search, ArticleDocument article,
        Instant matchedAt) {

    public static final int SCHEMA_VERSION = 1;

    public AlertDelivery {
        schemaVersion = Checks.schemaVersion(schemaVersion, SCHEMA_VERSION, "AlertDelivery");
        Objects.requireNonNull(search, "AlertDelivery.search must be set");
        Objects.requireNonNull(article, "AlertDelivery.article must be set");
        Checks.requireText(deliveryId, "AlertDelivery.deliveryId");
    }

    /** The delivery of an article to a search, stripped of the search's webhook and the article's body. */
    public static AlertDelivery of(SavedSearch search, ArticleDocument article, Instant matchedAt) {
        SavedSearch bare = new SavedSearch(search.schemaVersion(), search.searchId(), search.name(), search.owner(),
                search.query(), null, search.enabled(), search.createdAt(), search.updatedAt());
        ArticleDocument withoutBody = new ArticleDocument(article.articleId(), article.url(), article.feedId(),
                article.source(), article.language(), article.title(), article.lead(), null, null, article.pair(),
                article.countries(), article.regions(), article.regionsCurrent(), article.topics(), article.publishedAt(),
                article.ingestedAt(), article.classifiedAt(), article.classifierVersion(), article.tags(), article.alsoIn());
        return new AlertDelivery(SCHEMA_VERSION, deliveryId(search.searchId(), article.articleId()), bare, withoutBody, matchedAt);
    }

    /**
     * A stable id of the match of one article by one search: URL-safe base64 of the first 16 bytes of SHA-256 over
     * {@code searchId + "\n" + articleId}.
     */
    public static String deliveryId(String searchId, String articleId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((searchId + "\n" + articleId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(hash, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
