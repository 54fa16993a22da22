package io.newsradar.index.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How a reindex names the index it copies into. */
class ReindexTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "news-articles-000001, news-articles-000002",
            "news-articles-000009, news-articles-000010",
            "news-articles-000999, news-articles-001000",
            "newsroom-a-news-articles-000041, newsroom-a-news-articles-000042",
    })
    void theNextGenerationKeepsThePrefixAndSixDigits(String index, String next) {
        assertThat(Reindex.next(index)).isEqualTo(next);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"news-articles", "news-articles-1", "news-articles-000001-old", "news-articles_000001"})
    void anIndexNotNamedWithAGenerationCannotBeGivenASuccessor(String index) {
        assertThatThrownBy(() -> Reindex.next(index))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(index)
                .hasMessageContaining("cannot name its successor");
    }
}
