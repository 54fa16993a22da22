package io.newsradar.ingest.fetch;

import java.time.Duration;
import java.time.Instant;

/**
 * What a response said about freshness; any field may be {@code null}.
 *
 * @param maxAge  from {@code Cache-Control: max-age} (or {@code s-maxage} when there is no max-age)
 * @param expires from {@code Expires}; {@code null} when absent or not a valid HTTP date (such as "0")
 * @param date    from {@code Date}
 */
public record CacheHints(Duration maxAge, Instant expires, Instant date) {

    /** A response that said nothing about freshness. */
    public static final CacheHints NONE = new CacheHints(null, null, null);
}
