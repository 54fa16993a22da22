package io.newsradar.classify.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FoldsTest {

    /** Folds worked out apart from the Java code, from the SHA-256 of each id with Python's hashlib. */
    @ParameterizedTest(name = "{0} is in fold {2} of {1}")
    @CsvSource({
            "page-en-1, 2, 1", "page-en-1, 3, 2", "page-vi-2, 2, 2", "page-vi-2, 3, 1",
            "page-fr-2, 3, 3", "a, 5, 5", "b, 5, 2"})
    void putsAnIdInTheFoldItsHashNames(String id, int count, int fold) {
        assertThat(new Folds(count).of(id)).isEqualTo(fold);
    }

    @Test
    void spreadsIdsOverEveryFoldWithoutFavouringOne() {
        Folds folds = new Folds(5);
        Map<Integer, Integer> sizes = new TreeMap<>();
        IntStream.range(0, 1000).forEach(i -> sizes.merge(folds.of("article-" + i), 1, Integer::sum));

        assertThat(sizes).containsOnlyKeys(1, 2, 3, 4, 5);
        assertThat(sizes.values()).allSatisfy(n -> assertThat(n).isBetween(150, 250));
    }

    @Test
    void refusesFewerThanTwoFolds() {
        assertThatThrownBy(() -> new Folds(1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2");
    }
}
