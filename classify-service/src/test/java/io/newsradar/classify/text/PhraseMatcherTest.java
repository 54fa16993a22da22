package io.newsradar.classify.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.contracts.TextFolding;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PhraseMatcherTest {

    private final PhraseMatcher<String> matcher = PhraseMatcher.of(Map.of(
            "Nam Phi", "ZA", "Việt Nam", "VN", "Hàn Quốc", "KR", "Côte d'Ivoire", "CI", "Inde", "IN"));

    @Test
    void prefersTheLongestPhrase() {
        assertThat(matcher.find(TextFolding.fold("Việt Nam và Nam Phi"))).extracting(PhraseMatcher.Match::value)
                .containsExactly("VN", "ZA");
    }

    @Test
    void matchesOnlyWholeWords() {
        assertThat(matcher.find(TextFolding.fold("Hàn Quốcgia, Indes, xViệt Nam"))).isEmpty();
    }

    @Test
    void matchesAcrossPunctuationAndApostrophes() {
        assertThat(matcher.find(TextFolding.fold("Le président de la Côte-d'Ivoire et l'Inde")))
                .extracting(PhraseMatcher.Match::value).containsExactly("CI", "IN");
    }

    @Test
    void reportsWhereAMatchStandsInTheFoldedText() {
        String folded = TextFolding.fold("Đoàn Hàn Quốc");

        PhraseMatcher.Match<String> match = matcher.find(folded).get(0);

        assertThat(folded.substring(match.start(), match.end())).isEqualTo("han quoc");
    }
}
