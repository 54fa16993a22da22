package io.newsradar.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Objects;

/**
 * One alert of a saved search ({@link Topics#ALERTS}, keyed by {@code searchId}): what alert-service delivers to the
 * search's webhook, written before the offset of the article that raised it is committed so that nothing is lost. It
 * is either a {@value #MATCH} (one article matched the search) or a {@value #SPIKE} (the search matched far more
 * articles in one hour than it usually does).
 *
 * @param schemaVersion wire format version; absent reads as the current one
 * @param kind          {@value #MATCH} or {@value #SPIKE}; absent (records written before spikes) reads as {@value #MATCH}
 * @param deliveryId    for a match {@link #deliveryId(String, String)} of the search and the article, for a spike
 *                      {@link #spikeDeliveryId(String, Instant)} of the search and the hour: the same alert, found again
 *                      after a redelivery or a restart, has the same one, which receivers use to drop repeats
 * @param search        the search as it was when it matched, without its webhook (its URL and secret are read from
 *                      {@link Topics#SEARCHES} when delivering, so that a rotated secret or a removed search applies)
 * @param article       the article that matched, without its body; {@code null} for a spike
 * @param spike         the hour, its count and the baseline it stood against; {@code null} for a match
 * @param matchedAt     when it was matched (for a spike: when the hour's count crossed the threshold)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlertDelivery(Integer schemaVersion, String kind, String deliveryId, SavedSearch search,
        ArticleDocument article, Spike spike, Instant matchedAt) {

    public static final int SCHEMA_VERSION = 1;
    /** The kind of an alert for one matched article. */
    public static final String MATCH = "match";
    /** The kind of an alert for an hour with far more matches than the search's baseline. */
    public static final String SPIKE = "spike";

    public AlertDelivery {
        schemaVersion = Checks.schemaVersion(schemaVersion, SCHEMA_VERSION, "AlertDelivery");
        kind = kind == null ? MATCH : kind;
        Objects.requireNonNull(search, "AlertDelivery.search must be set");
        Checks.requireText(deliveryId, "AlertDelivery.deliveryId");
        switch (kind) {
            case MATCH -> Objects.requireNonNull(article, "AlertDelivery.article must be set on a match");
            case SPIKE -> Objects.requireNonNull(spike, "AlertDelivery.spike must be set on a spike");
            default -> throw new IllegalArgumentException("AlertDelivery.kind must be \"" + MATCH + "\" or \"" + SPIKE
                    + "\", was \"" + kind + "\"");
        }
    }

    /**
     * An hour in which a search matched far more articles than it usually does.
     *
     * @param hour         the start of the hour (UTC) the articles were published in
     * @param count        the articles the search matched in that hour when the spike was raised
     * @param mean         the search's usual count: the mean of its hourly counts over its history
     * @param sd           the standard deviation of those hourly counts
     * @param historyHours how many hours that history covered (at most four weeks)
     */
    public record Spike(Instant hour, int count, double mean, double sd, int historyHours) {

        public Spike {
            Objects.requireNonNull(hour, "AlertDelivery.spike.hour must be set");
            if (!hour.truncatedTo(ChronoUnit.HOURS).equals(hour)) {
                throw new IllegalArgumentException("AlertDelivery.spike.hour must be the start of an hour, was " + hour);
            }
            if (count < 0 || historyHours < 0 || !(mean >= 0) || !(sd >= 0)) {
                throw new IllegalArgumentException("AlertDelivery.spike counts must not be negative: count " + count
                        + ", mean " + mean + ", sd " + sd + ", history " + historyHours);
            }
        }
    }

    /** The delivery of an article to a search, stripped of the search's webhook and the article's body. */
    public static AlertDelivery of(SavedSearch search, ArticleDocument article, Instant matchedAt) {
        ArticleDocument withoutBody = new ArticleDocument(article.articleId(), article.url(), article.feedId(),
                article.source(), article.language(), article.title(), article.lead(), null, null, article.pair(),
                article.countries(), article.regions(), article.regionsCurrent(), article.topics(), article.publishedAt(),
                article.ingestedAt(), article.classifiedAt(), article.classifierVersion(), article.tags(), article.alsoIn());
        return new AlertDelivery(SCHEMA_VERSION, MATCH, deliveryId(search.searchId(), article.articleId()), bare(search),
                withoutBody, null, matchedAt);
    }

    /** The spike of a search in one hour, stripped of the search's webhook. */
    public static AlertDelivery spike(SavedSearch search, Spike spike, Instant raisedAt) {
        return new AlertDelivery(SCHEMA_VERSION, SPIKE, spikeDeliveryId(search.searchId(), spike.hour()), bare(search), null,
                spike, raisedAt);
    }

    private static SavedSearch bare(SavedSearch search) {
        return new SavedSearch(search.schemaVersion(), search.searchId(), search.name(), search.owner(), search.query(), null,
                search.enabled(), search.createdAt(), search.updatedAt());
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

    /**
     * A stable id of the spike of one search in one hour: {@link #deliveryId(String, String)} of the search and
     * {@code "spike " + hour} (ISO-8601, e.g. {@code spike 2026-11-20T09:00:00Z}).
     */
    public static String spikeDeliveryId(String searchId, Instant hour) {
        return deliveryId(searchId, "spike " + hour.truncatedTo(ChronoUnit.HOURS));
    }
}
