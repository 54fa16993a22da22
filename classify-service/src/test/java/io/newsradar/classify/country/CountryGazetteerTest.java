package io.newsradar.classify.country;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.classify.lexicon.ContextWords;
import io.newsradar.classify.lexicon.Lexicon;
import io.newsradar.classify.lexicon.Meaning;
import io.newsradar.classify.text.FoldedArticle;
import io.newsradar.contracts.Evidence;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CountryGazetteerTest {

    private static final Lexicon LEXICON = lexicon();

    private static Lexicon lexicon() {
        List<io.newsradar.classify.lexicon.Term> terms = new ArrayList<>(CountryGazetteer.load(null).terms());
        terms.addAll(ContextWords.load(null));
        return Lexicon.of(terms);
    }

    private static List<String> countries(String lang, String text) {
        return LEXICON.find(FoldedArticle.Part.of(Evidence.Field.BODY, text), lang).stream()
                .filter(m -> m.meaning() instanceof Meaning.CountryName)
                .map(m -> ((Meaning.CountryName) m.meaning()).code()).toList();
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(textBlock = """
            vi, Nhật Bản,           JP
            vi, Nhat Ban,           JP
            vi, Việt Nam,           VN
            vi, Hàn Quốc,           KR
            vi, Triều Tiên,         KP
            vi, Nam Phi,            ZA
            vi, hợp tác Việt - Nhật, VN JP
            en, Japan,              JP
            en, Japanese investors, JP
            en, South Korea,        KR
            fr, Japon,              JP
            fr, japonaises,         JP
            fr, Corée du Nord,      KP
            fr, États-Unis,         US
            fr, Royaume-Uni,        GB
            fr, des saisonnières marocaines, MA
            fr, la province espagnole, ES
            fr, une délégation hongroise,    HU
            fr, les ingénieurs tunisiens,    TN
            en, Spaniards and Moroccans,     ES MA
            en, Hungarian officials,         HU
            en, two Ugandan ministers,       UG
            """)
    void knowsNamesShortFormsAndDemonymsInEachLanguage(String lang, String text, String codes) {
        assertThat(countries(lang, text)).containsExactly(codes.split(" "));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(textBlock = """
            vi, pháp luật về vàng
            vi, anh Đức và chị Nga
            vi, cập nhật ngày Chủ nhật
            vi, Ban Chấp hành Trung ương
            vi, các nước Mỹ Latinh
            vi, ý kiến chuyên gia
            vi, áo dài
            en, Chad Smith scored twice
            en, Michael Jordan
            fr, Maurice Dupont est arrivé
            en, a storm over the Indian Ocean
            fr, les îles de l'océan Indien
            en, he will polish the report
            """)
    void leavesOrdinaryWordsAndGivenNamesAlone(String lang, String text) {
        assertThat(countries(lang, text)).isEmpty();
    }
}
