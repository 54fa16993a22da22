package io.newsradar.gateway.feedadmin;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.contracts.FeedState;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedHealthTest {

    @Test
    void tellsTheHealthFromTheState() {
        Instant polled = Instant.parse("2026-11-22T08:05:00Z");
        assertThat(FeedHealth.of(null).status()).isEqualTo("never polled");
        assertThat(FeedHealth.of(FeedState.initial("a")).status()).isEqualTo("never polled");
        assertThat(FeedHealth.of(state(polled, 0, false)).status()).isEqualTo("ok");
        assertThat(FeedHealth.of(state(polled, 2, false)).status()).isEqualTo("retrying");
        assertThat(FeedHealth.of(state(polled, 9, true)).status()).isEqualTo("failing");
    }

    @Test
    void showsTheLimitsIngestAppliedToTheFeedsLastDocumentToEveryKey() {
        List<String> limits = List.of("read the first 1000 of 11500 items of the document (newsradar.ingest.items.max-per-document)");
        FeedState state = state(Instant.parse("2026-11-22T08:05:00Z"), 0, false).withLimitsApplied(limits);

        assertThat(FeedHealth.of(state).limitsApplied()).isEqualTo(limits);
        assertThat(FeedHealth.of(state).forReader().limitsApplied()).isEqualTo(limits);
        assertThat(FeedHealth.of(null).limitsApplied()).isEmpty();
    }

    private static FeedState state(Instant polled, int failures, boolean failing) {
        return new FeedState(1, "a", null, null, List.of(), polled, null, null, null, failures, failing, "fetched", null, List.of());
    }
}
