package io.newsradar.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A feed in the registry ({@link Topics#FEEDS}, keyed by {@code feedId}).
 *
 * @param schemaVersion    wire format version; absent reads as the current one
 * @param feedId           stable identifier: letters, digits, {@code . _ -}, at most 100 characters
 * @param url              the RSS or Atom document, {@code http} or {@code https}
 * @param title            a human name for the feed, may be {@code null}
 * @param languageHint     BCP 47 language of the feed's articles ({@code vi}, {@code en}, {@code fr}), may be {@code null}
 * @param pollInterval     how often to poll when the feed itself gives no better signal, may be {@code null} for the default
 * @param fetchFullArticle whether to fetch each item's page and extract the story text; absent reads as {@code false}
 * @param enabled          whether the feed is polled at all; absent reads as {@code true}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FeedSpec(
        Integer schemaVersion,
        String feedId,
        String url,
        String title,
        String languageHint,
        Duration pollInterval,
        Boolean fetchFullArticle,
        Boolean enabled) {

    public static final int SCHEMA_VERSION = 1;

    private static final Pattern FEED_ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    public FeedSpec {
        schemaVersion = Checks.schemaVersion(schemaVersion, SCHEMA_VERSION, "FeedSpec");
        if (feedId == null || !FEED_ID.matcher(feedId).matches()) {
            throw new IllegalArgumentException(
                    "FeedSpec.feedId must be 1-100 letters, digits, '.', '_' or '-', was " + quoted(feedId));
        }
        url = requireHttpUrl(url, feedId);
        fetchFullArticle = fetchFullArticle != null && fetchFullArticle;
        enabled = enabled == null || enabled;
        if (pollInterval != null && (pollInterval.isNegative() || pollInterval.isZero())) {
            throw new IllegalArgumentException("FeedSpec " + feedId + ": pollInterval must be positive, was " + pollInterval);
        }
    }

    /** An enabled feed with the default poll interval and no full-article fetching. */
    public static FeedSpec of(String feedId, String url, String languageHint) {
        return new FeedSpec(SCHEMA_VERSION, feedId, url, null, languageHint, null, false, true);
    }

    private static String requireHttpUrl(String url, String feedId) {
        Checks.requireText(url, "FeedSpec " + feedId + ": url");
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("FeedSpec " + feedId + ": url is not a valid URI: " + e.getMessage(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("FeedSpec " + feedId + ": url must be an absolute http(s) URL, was " + url);
        }
        return url.trim();
    }

    private static String quoted(String s) {
        return s == null ? "null" : "'" + s + "'";
    }
}
