package io.newsradar.alert.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.DoubleSupplier;

/**
 * When a failed delivery is tried again: after {@code initial}, doubling each time up to {@code max}, each wait drawn
 * at random between half and all of it (jitter, so that receivers coming back are not hit by every sender at once);
 * never sooner than the receiver's {@code Retry-After} asks (seconds or an HTTP date), nor later than {@code max}
 * unless it asks; and never past {@code giveUpAfter} since the first attempt, when the delivery is given up.
 *
 * @param initial     the first wait
 * @param max         the longest wait the doubling reaches
 * @param giveUpAfter how long after its first attempt a delivery is still tried (24 h by default)
 */
public record RetryPolicy(Duration initial, Duration max, Duration giveUpAfter) {

    public RetryPolicy {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0 || giveUpAfter.isNegative()) {
            throw new IllegalArgumentException("retries need 0 < initial <= max and a giveUpAfter of 0 or more, were "
                    + initial + ", " + max + ", " + giveUpAfter);
        }
    }

    /**
     * The wait before attempt {@code failed + 1}, or {@code null} when the delivery is to be given up.
     *
     * @param failed     attempts made so far, at least 1
     * @param first      when the first attempt was made
     * @param now        now
     * @param retryAfter the receiver's {@code Retry-After}, or {@code null}
     * @param random     a number from 0 (inclusive) to 1, for the jitter
     */
    public Duration next(int failed, Instant first, Instant now, String retryAfter, DoubleSupplier random) {
        long ceiling = max.toMillis();
        long doubled = initial.toMillis() << Math.min(failed - 1, 40);
        long base = doubled <= 0 || doubled > ceiling ? ceiling : doubled;
        long wait = (long) (base * (0.5 + random.getAsDouble() / 2));
        Duration asked = retryAfter(retryAfter, now);
        Duration delay = asked != null && asked.toMillis() > wait ? asked : Duration.ofMillis(wait);
        if (now.plus(delay).isAfter(first.plus(giveUpAfter))) {
            return null;
        }
        return delay;
    }

    /** A {@code Retry-After} value as a wait from now: seconds, or an HTTP date; {@code null} when absent or unreadable. */
    static Duration retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (v.chars().allMatch(Character::isDigit)) {
            return v.length() > 9 ? Duration.ofSeconds(999_999_999) : Duration.ofSeconds(Long.parseLong(v));
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
