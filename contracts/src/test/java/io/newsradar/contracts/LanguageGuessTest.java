package io.newsradar.contracts;

import static org.assertj.core.api.Assertions.assertThat;

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

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            vietnamese headline and lead        | Doanh nghiệp Nhật Bản đến Bắc Giang | Các nhà đầu tư đã làm việc với tỉnh trong hai ngày. |      | vi
            english lead beats a french hint    | Gunma and Nghe An                   | The prefecture said the trainees will arrive in the spring. | fr | en
            nothing to read keeps the hint      | Gunma                               |                                                     | en-GB | en
            """)
    void tellsTheLanguageOfAStoryFromItsHeadAsClassifyReadsIt(String name, String title, String lead, String hint, String expected) {
        assertThat(LanguageGuess.ofStory(title, lead, "", hint)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} reads as {1}")
    @CsvSource(delimiter = '|', textBlock = """
            vi-VN | vi
            en_GB | en
            FR    | fr
            ja    | und
            und   | und
            """)
    void aDecidedTagNamesASupportedLanguageOrNone(String tag, String expected) {
        assertThat(LanguageGuess.supportedOrUnknown(tag)).isEqualTo(expected);
    }
}
