package io.newsradar.alert.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Failed deliveries wait longer each time, with jitter, as long as the receiver asks, and are given up after a day. */
class RetryPolicyTest {

    private static final RetryPolicy POLICY = new RetryPolicy(Duration.ofSeconds(1), Duration.ofHours(1), Duration.ofHours(24));
    private static final Instant FIRST = Instant.parse("2026-12-03T09:00:00Z");

    @Test
    void doublesTheWaitWithJitterBetweenHalfAndAllOfIt() {
        assertThat(POLICY.next(1, FIRST, FIRST, null, () -> 0.0)).isEqualTo(Duration.ofMillis(500));
        assertThat(POLICY.next(1, FIRST, FIRST, null, () -> 0.999_999)).isBetween(Duration.ofMillis(999), Duration.ofSeconds(1));
        assertThat(POLICY.next(4, FIRST, FIRST, null, () -> 0.0)).isEqualTo(Duration.ofSeconds(4));
        assertThat(POLICY.next(5, FIRST, FIRST, null, () -> 0.5)).isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void neverWaitsLongerThanTheMaximumByItself() {
        assertThat(POLICY.next(30, FIRST, FIRST, null, () -> 0.999)).isLessThanOrEqualTo(Duration.ofHours(1));
        assertThat(POLICY.next(200, FIRST, FIRST, null, () -> 0.0)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void waitsAsLongAsRetryAfterAsksInSeconds() {
        assertThat(POLICY.next(1, FIRST, FIRST, "120", () -> 0.0)).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void waitsUntilARetryAfterDate() {
        Instant now = FIRST.plusSeconds(10);
        assertThat(POLICY.next(1, FIRST, now, "Thu, 03 Dec 2026 09:05:10 GMT", () -> 0.0)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void keepsItsOwnWaitWhenRetryAfterAsksLessOrIsUnreadable() {
        assertThat(POLICY.next(4, FIRST, FIRST, "1", () -> 0.0)).isEqualTo(Duration.ofSeconds(4));
        assertThat(POLICY.next(4, FIRST, FIRST, "soon", () -> 0.0)).isEqualTo(Duration.ofSeconds(4));
        assertThat(POLICY.next(4, FIRST, FIRST, "Thu, 03 Dec 2026 08:00:00 GMT", () -> 0.0)).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void givesUpWhenTheNextAttemptWouldFallPastTheDay() {
        Instant late = FIRST.plus(Duration.ofHours(23)).plus(Duration.ofMinutes(50));
        assertThat(POLICY.next(20, FIRST, late, null, () -> 0.0)).isNull();
        assertThat(POLICY.next(1, FIRST, late, null, () -> 0.0)).isEqualTo(Duration.ofMillis(500));
        assertThat(POLICY.next(1, FIRST, FIRST, "90000", () -> 0.0)).as("a Retry-After past the day").isNull();
    }
}
