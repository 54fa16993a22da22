package io.newsradar.ingest.fetch;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.apache.hc.client5.http.utils.DateUtils;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;

/** Reads what a response says about freshness and about when to come back. */
final class ResponseHeaders {

    private ResponseHeaders() {
    }

    /** The first value of a header, or {@code null}. */
    static String value(HttpResponse response, String name) {
        Header header = response.getFirstHeader(name);
        return header == null ? null : header.getValue();
    }

    static CacheHints cacheHints(HttpResponse response) {
        Duration maxAge = null;
        Duration sharedMaxAge = null;
        for (Header header : response.getHeaders("Cache-Control")) {
            for (String directive : header.getValue().split(",")) {
                String[] nameValue = directive.trim().split("=", 2);
                String name = nameValue[0].trim().toLowerCase(Locale.ROOT);
                Duration seconds = nameValue.length == 2 ? seconds(nameValue[1].trim().replace("\"", "")) : null;
                if (name.equals("max-age") && seconds != null) {
                    maxAge = seconds;
                } else if (name.equals("s-maxage") && seconds != null) {
                    sharedMaxAge = seconds;
                }
            }
        }
        CacheHints hints = new CacheHints(maxAge != null ? maxAge : sharedMaxAge, date(response, "Expires"), date(response, "Date"));
        return hints.equals(CacheHints.NONE) ? CacheHints.NONE : hints;
    }

    /** Retry-After as delta-seconds or an HTTP date (counted from {@code now}, never negative), or {@code null}. */
    static Duration retryAfter(HttpResponse response, Instant now) {
        String value = value(response, "Retry-After");
        if (value == null) {
            return null;
        }
        Duration seconds = seconds(value.trim());
        if (seconds != null) {
            return seconds;
        }
        Instant at = DateUtils.parseStandardDate(value.trim());
        if (at == null) {
            return null;
        }
        return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
    }

    private static Instant date(HttpResponse response, String name) {
        String value = value(response, name);
        return value == null ? null : DateUtils.parseStandardDate(value.trim());
    }

    /** Non-negative delta-seconds, capped at about 68 years as RFC 9111 asks; {@code null} when not a number. */
    private static Duration seconds(String value) {
        if (value.isEmpty() || !value.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Duration.ofSeconds(value.length() > 10 ? Integer.MAX_VALUE : Math.min(Long.parseLong(value), Integer.MAX_VALUE));
    }
}
