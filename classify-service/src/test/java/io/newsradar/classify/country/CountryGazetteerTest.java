package io.newsradar.classify.country;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.classify.text.PhraseMatcher;
import io.newsradar.contracts.TextFolding;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CountryGazetteerTest {

    private static final CountryGazetteer gazetteer = CountryGazetteer.load();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            Nhật Bản,       JP
            nhat ban,       JP
            Japon,          JP
            japonaises,     JP
            Việt Nam,       VN
            Viêt Nam,       VN
            Hàn Quốc,       KR
            Triều Tiên,     KP
            Corée du Nord,  KP
            Nam Phi,        ZA
            États-Unis,     US
            Royaume-Uni,    GB
            """)
    void knowsNamesInVietnameseEnglishAndFrench(String name, String code) {
        assertThat(gazetteer.matcher().find(TextFolding.fold(name))).extracting(PhraseMatcher.Match::value).containsExactly(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pháp luật", "anh Đức", "chị Nga", "ý kiến", "áo dài", "Chad Smith", "Michael Jordan"})
    void leavesOrdinaryWordsAndGivenNamesAlone(String text) {
        assertThat(gazetteer.matcher().find(TextFolding.fold(text))).isEmpty();
    }
}
