package io.newsradar.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.contracts.FeedState.SeenArticle;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What each way a poll ends keeps of the previous state, and what it replaces. */
class FeedStateTransitionsTest {

    private static final Instant EARLIER = Instant.parse("2026-12-01T06:00:00Z");
    private static final Instant NOW = Instant.parse("2026-12-01T07:00:00Z");
    private static final Instant NEXT = Instant.parse("2026-12-01T07:15:00Z");
    private static final SeenArticle OLD = new SeenArticle("old-article", "k1", "h1");
    private static final SeenArticle NEW = new SeenArticle("new-article", "k2", "h2");

    private final FeedState before = new FeedState(1, "wire", "\"v1\"", "Mon, 30 Nov 2026 08:00:00 GMT", List.of(OLD),
            EARLIER, EARLIER, NOW, Duration.ofMinutes(20), 2, true, "temporary_error", "it timed out", List.of("a limit"));

    @Test
    void aFetchedDocumentReplacesValidatorsArticlesAndTimingAndClearsTheFailures() {
        FeedState after = before.polled("\"v2\"", null, List.of(NEW, OLD), NOW, NEXT, Duration.ofMinutes(15), List.of());

        assertThat(after.etag()).isEqualTo("\"v2\"");
        assertThat(after.lastModified()).isNull();
        assertThat(after.recent()).containsExactly(NEW, OLD);
        assertThat(after.lastPolledAt()).isEqualTo(NOW);
        assertThat(after.lastSuccessAt()).isEqualTo(NOW);
        assertThat(after.nextPollAt()).isEqualTo(NEXT);
        assertThat(after.pollInterval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(after.consecutiveFailures()).isZero();
        assertThat(after.failing()).isFalse();
        assertThat(after.lastOutcome()).isEqualTo(FeedState.FETCHED);
        assertThat(after.lastError()).isNull();
        assertThat(after.limitsApplied()).isEmpty();
    }

    @Test
    void aNotModifiedAnswerKeepsValidatorsArticlesAndLimits() {
        FeedState after = before.notModified(NOW, NEXT, Duration.ofMinutes(20));

        assertThat(after.etag()).isEqualTo(before.etag());
        assertThat(after.lastModified()).isEqualTo(before.lastModified());
        assertThat(after.recent()).containsExactly(OLD);
        assertThat(after.limitsApplied()).containsExactly("a limit");
        assertThat(after.lastSuccessAt()).isEqualTo(NOW);
        assertThat(after.nextPollAt()).isEqualTo(NEXT);
        assertThat(after.consecutiveFailures()).isZero();
        assertThat(after.failing()).isFalse();
        assertThat(after.lastOutcome()).isEqualTo(FeedState.NOT_MODIFIED);
        assertThat(after.lastError()).isNull();
    }

    @Test
    void aFailureCountsOneMoreAndKeepsWhatTheLastSuccessLeft() {
        FeedState after = before.failed(NOW, NEXT, true, "permanent_error", "feed https://wire.example/rss returned 410");

        assertThat(after.consecutiveFailures()).isEqualTo(3);
        assertThat(after.failing()).isTrue();
        assertThat(after.lastOutcome()).isEqualTo("permanent_error");
        assertThat(after.lastError()).isEqualTo("feed https://wire.example/rss returned 410");
        assertThat(after.lastPolledAt()).isEqualTo(NOW);
        assertThat(after.lastSuccessAt()).isEqualTo(EARLIER);
        assertThat(after.nextPollAt()).isEqualTo(NEXT);
        assertThat(after.etag()).isEqualTo(before.etag());
        assertThat(after.recent()).containsExactly(OLD);
        assertThat(after.pollInterval()).isEqualTo(Duration.ofMinutes(20));
    }

    @Test
    void aHalfPublishedDocumentKeepsTheOldValidatorsSoTheNextPollFetchesItAgain() {
        FeedState after = before.partlyPublished(List.of(NEW, OLD), NOW, List.of("another limit"))
                .failed(NOW, NEXT, false, "temporary_error", "Kafka is away");

        assertThat(after.etag()).isEqualTo("\"v1\"");
        assertThat(after.recent()).containsExactly(NEW, OLD);
        assertThat(after.limitsApplied()).containsExactly("another limit");
        assertThat(after.consecutiveFailures()).isEqualTo(3);
        assertThat(after.lastSuccessAt()).isEqualTo(EARLIER);
    }

    @Test
    void aFeedWhoseUrlChangedForgetsValidatorsTimingAndFailuresButNotItsArticles() {
        FeedState after = before.withoutValidators();

        assertThat(after.etag()).isNull();
        assertThat(after.lastModified()).isNull();
        assertThat(after.nextPollAt()).isNull();
        assertThat(after.pollInterval()).isNull();
        assertThat(after.consecutiveFailures()).isZero();
        assertThat(after.failing()).isFalse();
        assertThat(after.lastError()).isNull();
        assertThat(after.recent()).containsExactly(OLD);
    }
}
