package io.newsradar.gateway.feedadmin;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.contracts.FeedSpec;
import io.newsradar.contracts.FeedState;
import io.newsradar.gateway.security.ApiKeys;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedViewTest {

    private static final FeedSpec SPEC = new FeedSpec(1, "wire", "https://newsroom:hunter2@wire.example.vn/rss?token=s3cret",
            "Wire", "vi", null, false, true);
    private static final String INGEST_ERROR = "https://newsroom:hunter2@wire.example.vn/rss?token=s3cret resolved to 10.20.0.7"
            + " (wire-backend.corp.internal), which is not a public address; refused";

    @Test
    void anAdminSeesTheUrlAsRegisteredAndTheLastErrorWithSecretsMasked() {
        FeedView view = FeedView.of(SPEC, failed("refused", INGEST_ERROR)).seenBy(ApiKeys.Role.ADMIN);

        assertThat(view.url()).isEqualTo(SPEC.url());
        assertThat(view.health().lastError())
                .isEqualTo("https://newsroom:***@wire.example.vn/rss?token=*** resolved to 10.20.0.7 (wire-backend.corp.internal),"
                        + " which is not a public address; refused");
    }

    @Test
    void aReaderSeesNoPasswordNoSecretParameterAndNoInternalAddress() {
        FeedView view = FeedView.of(SPEC, failed("refused", INGEST_ERROR)).seenBy(ApiKeys.Role.READER);

        assertThat(view.url()).isEqualTo("https://newsroom:***@wire.example.vn/rss?token=***");
        assertThat(view.health().lastError())
                .isEqualTo("the last poll was refused: the feed's address is not one newsradar fetches from; an admin key shows the detail")
                .doesNotContain("10.20.0.7", "corp.internal", "hunter2", "s3cret");
        assertThat(view.health().lastOutcome()).isEqualTo("refused");
        assertThat(view.health().consecutiveFailures()).isEqualTo(3);
    }

    @Test
    void aViewWithNoRoleIsTheReadersView() {
        FeedView view = FeedView.of(SPEC, failed("temporary_error", "connect to 192.168.4.2:8080 timed out")).seenBy(null);

        assertThat(view.url()).doesNotContain("hunter2");
        assertThat(view.health().lastError()).startsWith("the last poll failed (the feed's server could not be reached").doesNotContain("192.168");
    }

    @Test
    void aReaderSeesAHealthyFeedAsItIs() {
        FeedView view = FeedView.of(SPEC, null).seenBy(ApiKeys.Role.READER);

        assertThat(view.health()).isEqualTo(FeedHealth.NEVER_POLLED);
    }

    private static FeedState failed(String outcome, String error) {
        Instant polled = Instant.parse("2026-11-30T06:00:00Z");
        return new FeedState(1, "wire", null, null, List.of(), polled, null, null, null, 3, false, outcome, error, List.of());
    }
}
