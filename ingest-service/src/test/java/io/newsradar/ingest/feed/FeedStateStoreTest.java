package io.newsradar.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.contracts.ArticleId;
import io.newsradar.contracts.FeedState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** A feed's state always fits its Kafka record: the oldest remembered articles give way, and the state says so. */
class FeedStateStoreTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final FeedStateStore store = new FeedStateStore(Map.of(), null, JSON, Duration.ofSeconds(1));

    @Test
    void aStateRememberingTooManyArticlesKeepsTheNewestThatFitAndSaysSo() {
        List<FeedState.SeenArticle> recent = new ArrayList<>();
        for (int i = 0; i < 40_000; i++) {
            recent.add(new FeedState.SeenArticle(ArticleId.ofUrl("https://big.example/a/" + i), "k" + i, "h" + i));
        }
        FeedState state = new FeedState(1, "big", null, null, recent, Instant.now(), Instant.now(), null, null, 0, false,
                "fetched", null, List.of());

        byte[] record = store.fitted(state);

        assertThat(record.length).isLessThanOrEqualTo(FeedStateStore.MAX_RECORD_BYTES);
        FeedState saved = JSON.readValue(record, FeedState.class);
        assertThat(saved.recent()).isNotEmpty().hasSizeLessThan(40_000);
        assertThat(saved.recent().get(0)).as("the newest is kept").isEqualTo(recent.get(0));
        assertThat(saved.limitsApplied()).singleElement().asString()
                .contains("remembered only the newest " + saved.recent().size() + " of 40000");
    }

    @Test
    void aStateThatFitsIsWrittenAsItIs() {
        FeedState state = FeedState.initial("small");

        assertThat(JSON.readValue(store.fitted(state), FeedState.class)).isEqualTo(state);
    }
}
