package io.newsradar.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final RateLimiter limiter = new RateLimiter(2, 3, now::get);

    @Test
    void allowsABurstThenTheSustainedRateAndSaysHowLongToWait() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.take("k").allowed()).isTrue();
        }
        RateLimiter.Decision refused = limiter.take("k");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(500));

        now.addAndGet(Duration.ofMillis(500).toNanos());
        assertThat(limiter.take("k").allowed()).isTrue();
        assertThat(limiter.take("k").allowed()).isFalse();
    }

    @Test
    void keepsOneBucketPerKeyAndNeverMoreThanTheBurst() {
        now.addAndGet(Duration.ofHours(1).toNanos());
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.take("a").allowed()).isTrue();
        }
        assertThat(limiter.take("a").allowed()).isFalse();
        assertThat(limiter.take("b").allowed()).isTrue();
    }

    @Test
    void refusesASettingThatAllowsNothing() {
        assertThatThrownBy(() -> new RateLimiter(0, 1, now::get)).hasMessageContaining("requests-per-second > 0");
    }
}
