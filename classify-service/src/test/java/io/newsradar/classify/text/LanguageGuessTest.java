package io.newsradar.classify.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.contracts.TextFolding;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageGuessTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            vietnamese with diacritics    | Các doanh nghiệp Nhật Bản đã đầu tư vào tỉnh Bắc Giang trong năm nay.      |      | vi
            vietnamese without diacritics | Cac doanh nghiep Nhat Ban da dau tu vao tinh Bac Giang trong nam nay cua ho. |      | vi
            english                       | The governor of Gunma said the prefecture will send more trainees to Vietnam. |   | en
            french                        | Le gouverneur de la préfecture a signé un accord avec la province pour les étudiants. | | fr
            german is none of ours        | Der Gouverneur und die Delegation sind nicht mit dem Zug gekommen, sagt er auch. | | und
            spanish is none of ours       | El gobernador y los empresarios se reunieron con la delegación para hablar del comercio. | | und
            hint breaks a tie             | Gunma Aichi Tokyo Osaka                                                      | fr   | fr
            hint yields to clear text     | The governor of Gunma said the prefecture will send more trainees to Vietnam. | vi | en
            unknown hint ignored          | Gunma Aichi Tokyo Osaka                                                      | xx   | und
            """)
    void tellsTheLanguage(String name, String text, String hint, String expected) {
        assertThat(LanguageGuess.guess(text, TextFolding.fold(text), hint)).isEqualTo(expected);
    }
}
