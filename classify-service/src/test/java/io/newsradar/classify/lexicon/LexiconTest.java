package io.newsradar.classify.lexicon;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.classify.text.FoldedArticle;
import io.newsradar.contracts.Evidence;
import io.newsradar.reference.Region;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LexiconTest {

    private static final Region GUNMA = new Region("JP-10", "JP", "JP-10", "Gunma");
    private static final Region NAN = new Region("TH-55", "TH", "TH-55", "Nan");

    private static Term country(String lang, String name, String code, Term.Flag... flags) {
        return new Term(name, lang, new Meaning.CountryName(code, false), flags.length == 0 ? Set.of() : EnumSet.of(flags[0], flags), "test");
    }

    private static final Lexicon LEXICON = Lexicon.of(List.of(
            country("vi", "Nhật Bản", "JP"),
            country("vi", "Nhật", "JP", Term.Flag.PERSON),
            country("vi", "Đức", "DE", Term.Flag.PERSON),
            country("vi", "Nam Phi", "ZA"),
            country("en", "Japan", "JP"),
            country("en", "US", "US"),
            country("fr", "japonais", "JP"),
            new Term("Mỹ Latinh", "vi", new Meaning.Blocker(), Set.of(), "test"),
            country("vi", "Mỹ", "US", Term.Flag.PERSON),
            new Term("Gunma", "*", new Meaning.RegionName(GUNMA), Set.of(), "test"),
            new Term("Nan", "*", new Meaning.RegionName(NAN), Set.of(), "test"),
            new Term("thực tập sinh", "vi", new Meaning.TopicPhrase("labour", 3), Set.of(), "test"),
            new Term("tiếng Nhật", "vi", new Meaning.TopicPhrase("culture", 2), Set.of(), "test")));

    private static List<String> names(String text, String lang) {
        FoldedArticle.Part part = FoldedArticle.Part.of(Evidence.Field.BODY, text);
        return LEXICON.find(part, lang).stream().map(m -> m.phrase() + "=" + describe(m.meaning())).toList();
    }

    private static String describe(Meaning meaning) {
        if (meaning instanceof Meaning.CountryName c) {
            return c.code();
        }
        if (meaning instanceof Meaning.RegionName r) {
            return r.region().code();
        }
        return meaning instanceof Meaning.TopicPhrase t ? t.topic() : meaning.toString();
    }

    @Test
    void matchesNamesWithOrWithoutDiacritics() {
        assertThat(names("Nhật Bản và Nhat Ban, NHẬT BẢN", "vi")).containsExactly("Nhật Bản=JP", "Nhat Ban=JP", "NHẬT BẢN=JP");
    }

    @Test
    void prefersTheLongestNameAtAPlace() {
        assertThat(names("quan hệ với Nam Phi", "vi")).containsExactly("Nam Phi=ZA");
    }

    @Test
    void matchesACapitalisedNameOnlyWhereTheTextHasTheCapital() {
        assertThat(names("bản cập nhật ngày Chủ nhật", "vi")).isEmpty();
        assertThat(names("hợp tác Việt - Nhật", "vi")).containsExactly("Nhật=JP");
    }

    @Test
    void matchesTextWithDiacriticsOnlyWhenTheyAreThePhrasesOwn() {
        assertThat(names("Nhật Bàn, Nhat Ban", "vi")).containsExactly("Nhat Ban=JP");
    }

    @Test
    void matchesAnAcronymOnlyInCapitals() {
        assertThat(names("join us in the US", "en")).containsExactly("US=US");
    }

    @Test
    void matchesANameWrittenWithoutDiacriticsOnlyInTextWithout() {
        assertThat(names("Nạn nhân ở Nan", "vi")).containsExactly("Nan=TH-55");
    }

    @Test
    void ignoresAGivenNameNextToAnotherCapitalisedWord() {
        assertThat(names("Ảnh: Minh Đức. Đức và Việt Nam ký kết", "vi")).containsExactly("Đức=DE");
    }

    @Test
    void letsABlockerSilenceTheCountryInsideIt() {
        assertThat(names("các nước Mỹ Latinh và Mỹ", "vi")).containsExactly("Mỹ=US");
    }

    @Test
    void readsOnlyTheArticlesLanguageAndTheNamesOfEveryLanguage() {
        assertThat(names("Japan, japonais, Nhật Bản, Gunma", "en")).containsExactly("Japan=JP", "Gunma=JP-10");
        assertThat(names("Japan, japonais, Nhật Bản, Gunma", "fr")).containsExactly("japonais=JP", "Gunma=JP-10");
    }

    @Test
    void matchesWholeWordsOnly() {
        assertThat(names("Japanese Japanology", "en")).isEmpty();
    }

    @Test
    void readsTopicPhrasesApartFromTheNamesTheyOverlap() {
        assertThat(names("thực tập sinh học tiếng Nhật", "vi")).containsExactly("thực tập sinh=labour", "tiếng Nhật=culture", "Nhật=JP");
        assertThat(names("dạy tiếng Nhật cho người Nhật", "vi")).contains("Nhật=JP", "tiếng Nhật=culture");
    }

    @Test
    void givesOffsetsInTheTextAsWritten() {
        FoldedArticle.Part part = FoldedArticle.Part.of(Evidence.Field.TITLE, "Tỉnh Gunma và Nhật Bản");
        Lexicon.Mention gunma = LEXICON.find(part, "vi").get(0);

        assertThat(gunma.evidence()).isEqualTo(new Evidence("Gunma", Evidence.Field.TITLE, 5));
    }
}
