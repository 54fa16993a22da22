package io.newsradar.gateway.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsradar.contracts.FeedSpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FeedRequestsTest {

    @Test
    void readsAFeedAndIgnoresFieldsItDoesNotKnow() {
        FeedSpec spec = FeedRequests.spec(bytes("{\"feedId\": \"a\", \"url\": \"https://e.vn/r\", \"pollInterval\": \"PT10M\", \"x\": 1}"), null);

        assertThat(spec.feedId()).isEqualTo("a");
        assertThat(spec.pollInterval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(spec.enabled()).isTrue();
    }

    @Test
    void takesTheIdFromThePathWhenTheBodyLeavesItOut() {
        assertThat(FeedRequests.spec(bytes("{\"url\": \"https://e.vn/r\"}"), "from-path").feedId()).isEqualTo("from-path");
    }

    @Test
    void namesTheFieldAValidationMessageIsAbout() {
        assertThatThrownBy(() -> FeedRequests.spec(bytes("{\"feedId\": \"a\", \"url\": \"https://e.vn/r\", \"pollInterval\": \"PT0S\"}"), null))
                .isInstanceOfSatisfying(InvalidFeedException.class, e -> {
                    assertThat(e.field()).isEqualTo("pollInterval");
                    assertThat(e.getMessage()).isEqualTo("FeedSpec a: pollInterval must be positive, was PT0S");
                });
    }

    @Test
    void namesTheFieldJacksonCouldNotRead() {
        assertThatThrownBy(() -> FeedRequests.spec(bytes("{\"feedId\": \"a\", \"url\": \"https://e.vn/r\", \"enabled\": \"maybe\"}"), null))
                .isInstanceOfSatisfying(InvalidFeedException.class, e -> {
                    assertThat(e.field()).isEqualTo("enabled");
                    assertThat(e.getMessage()).startsWith("enabled: ");
                });
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
