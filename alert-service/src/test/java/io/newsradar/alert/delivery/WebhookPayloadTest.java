package io.newsradar.alert.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.contracts.AlertDelivery;
import io.newsradar.contracts.ArticleDocument;
import io.newsradar.contracts.ArticleId;
import io.newsradar.contracts.ClassifiedArticle;
import io.newsradar.contracts.RawArticle;
import io.newsradar.contracts.SavedSearch;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What a receiver gets for a match and for a spike. */
class WebhookPayloadTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant NOW = Instant.parse("2026-11-21T14:37:05Z");
    private static final SavedSearch SEARCH = new SavedSearch(1, "aid-la-vn", "Aid,\n Laos and Vietnam", "newsroom",
            Map.of("pair", List.of("LA-VN")), new SavedSearch.Webhook("https://hooks.example.org/x", "secret", 1, null),
            true, NOW, NOW);

    @Test
    void aSpikeSaysHowManyArticlesCameInTheHourAgainstTheUsualCount() {
        AlertDelivery spike = AlertDelivery.spike(SEARCH,
                new AlertDelivery.Spike(Instant.parse("2026-11-21T14:00:00Z"), 12, 1.2631, 0.94, 96), NOW);

        JsonNode body = JSON.readTree(WebhookPayload.of(spike).bytes(JSON));

        assertThat(body.get("kind").asString()).isEqualTo("spike");
        assertThat(body.get("text").asString()).isEqualTo("[Aid, Laos and Vietnam] 12 articles in the hour against a usual 1.3");
        assertThat(body.get("articles")).isEmpty();
        assertThat(body.get("spike").get("hour").asString()).isEqualTo("2026-11-21T14:00:00Z");
        assertThat(body.get("spike").get("usual").asDouble()).isEqualTo(1.3);
        assertThat(body.get("spike").get("sd").asDouble()).isEqualTo(0.9);
        assertThat(body.get("spike").get("history").asInt()).isEqualTo(96);
    }

    @Test
    void aMatchHasItsArticleAndNoSpike() {
        String url = "https://example.org/aid";
        RawArticle raw = new RawArticle(1, ArticleId.ofUrl(url), url, null, "feed", "Example", "en", "Aid arrives", "", "",
                List.of(), NOW, NOW);
        AlertDelivery match = AlertDelivery.of(SEARCH, ArticleDocument.of(new ClassifiedArticle(1, raw, "test", NOW, "en",
                null, List.of(), List.of(), List.of())), NOW);

        JsonNode body = JSON.readTree(WebhookPayload.of(match).bytes(JSON));

        assertThat(body.get("kind").asString()).isEqualTo("match");
        assertThat(body.has("spike")).isFalse();
        assertThat(body.get("text").asString()).isEqualTo("[Aid, Laos and Vietnam] <https://example.org/aid|Aid arrives> (Example)");
    }
}
