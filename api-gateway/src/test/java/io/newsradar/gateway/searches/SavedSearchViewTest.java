package io.newsradar.gateway.searches;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.contracts.SavedSearch;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SavedSearchViewTest {

    private static final Instant SAVED = Instant.parse("2026-12-01T08:00:00Z");

    @Test
    void showsTheWebhookSecretOnlyWhenAsked() {
        SavedSearch search = search(new SavedSearch.Webhook("https://hooks.example.org/in", "the-secret", 4, Duration.ofMinutes(3)));

        assertThat(SavedSearchView.of(search, true).webhook().secret()).isEqualTo("the-secret");
        SavedSearchView hidden = SavedSearchView.of(search, false);
        assertThat(hidden.webhook().secret()).isNull();
        assertThat(hidden.webhook()).isEqualTo(new SavedSearchView.Webhook("https://hooks.example.org/in", null, 4, Duration.ofMinutes(3)));
    }

    @Test
    void aSearchWithoutWebhookShowsNoneAndLinksItsFeedsAndStream() {
        SavedSearchView view = SavedSearchView.of(search(null), true);

        assertThat(view.webhook()).isNull();
        assertThat(view.owner()).isEqualTo("newsroom");
        assertThat(view.query()).containsEntry("region", List.of("VN-54"));
        assertThat(view.links()).isEqualTo(new SavedSearchView.Links("/api/v1/searches/s-1/feed.atom", "/api/v1/searches/s-1/feed.rss",
                "/api/v1/searches/s-1/stream"));
    }

    @Test
    void aNewSecretIsThirtyTwoRandomBytesInUrlSafeBase64() {
        String one = SavedSearches.secret();

        assertThat(Base64.getUrlDecoder().decode(one)).hasSize(32);
        assertThat(one).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(SavedSearches.secret());
    }

    private static SavedSearch search(SavedSearch.Webhook webhook) {
        return new SavedSearch(1, "s-1", "Bac Giang", "newsroom", Map.of("region", List.of("VN-54")), webhook, true, SAVED, SAVED);
    }
}
