package io.newsradar.classify;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.contracts.ClassifiedArticle;
import io.newsradar.contracts.CountryTag;
import io.newsradar.contracts.Evidence;
import io.newsradar.contracts.RawArticle;
import io.newsradar.contracts.TopicTag;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

class ClassifierTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Classifier classifier =
            Classifier.load(null, Clock.fixed(Instant.parse("2026-11-20T09:32:00Z"), ZoneOffset.UTC));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            vi-bac-giang-doi-tac-nhat-ban.json, JP-VN
            vi-khong-dau-dau-tu.json,           JP-VN
            fr-japon-vietnam-formation.json,    JP-VN
            """)
    void findsThePairOfABilateralStory(String fixture, String pair) throws IOException {
        ClassifiedArticle classified = classifier.classify(article(fixture));

        assertThat(classified.pair()).isNotNull();
        assertThat(classified.pair().code()).isEqualTo(pair);
        assertThat(classified.countries().subList(0, 2)).extracting(CountryTag::code)
                .containsExactlyInAnyOrderElementsOf(classified.pair().countries());
    }

    @Test
    void leavesCountriesNamedOnlyInPassingOut() throws IOException {
        ClassifiedArticle classified = classifier.classify(article("vi-bac-giang-doi-tac-nhat-ban.json"));

        assertThat(classified.countries()).extracting(CountryTag::code).containsExactlyInAnyOrder("JP", "VN");
    }

    @Test
    void tagsAProvinceWithItsCodeOfTheTimeAndItsCurrentProvince() throws IOException {
        ClassifiedArticle classified = classifier.classify(article("vi-bac-giang-doi-tac-nhat-ban.json"));

        assertThat(classified.regions()).singleElement().satisfies(region -> {
            assertThat(region.code()).isEqualTo("VN-54");
            assertThat(region.currentCode()).isEqualTo("VN-56");
            assertThat(region.evidence().get(0).phrase()).isEqualTo("Bắc Giang");
        });
    }

    @Test
    void tagsTopicsWithTheirEvidence() throws IOException {
        ClassifiedArticle classified = classifier.classify(article("fr-japon-vietnam-formation.json"));

        assertThat(classified.topics()).extracting(TopicTag::topic).contains("labour");
        assertThat(classified.topics()).allSatisfy(t -> assertThat(t.evidence()).isNotEmpty());
    }

    @Test
    void tagsNothingInALanguageItDoesNotRead() {
        Classification c = classifier.classify("Japan und Vietnam unterzeichnen ein Abkommen über Arbeitskräfte",
                "Die Regierung in Tokio will mehr Fachkräfte aus Vietnam anwerben, sagte der Minister.", "", null);

        assertThat(c.language()).isEqualTo("und");
        assertThat(c.countries()).isEmpty();
        assertThat(c.pair()).isNull();
    }

    @Test
    void givesTheEvidenceAsWrittenWithItsFieldAndOffset() throws IOException {
        RawArticle article = article("vi-bac-giang-doi-tac-nhat-ban.json");

        CountryTag japan = classifier.classify(article).countries().stream().filter(c -> c.code().equals("JP")).findFirst().orElseThrow();

        Evidence first = japan.evidence().get(0);
        assertThat(first.phrase()).isEqualTo("Nhật Bản");
        assertThat(first.field()).isEqualTo(Evidence.Field.TITLE);
        assertThat(article.title().substring(first.offset(), first.offset() + first.phrase().length())).isEqualTo("Nhật Bản");
    }

    @Test
    void givesADomesticStoryNoPair() throws IOException {
        ClassifiedArticle classified = classifier.classify(article("en-japan-domestic-budget.json"));

        assertThat(classified.countries()).extracting(CountryTag::code).containsExactly("JP");
        assertThat(classified.pair()).isNull();
    }

    @Test
    void givesAStoryAmongFourCountriesOnAnEqualFootingNoPair() throws IOException {
        ClassifiedArticle classified = classifier.classify(article("en-asean-multilateral.json"));

        assertThat(classified.countries()).extracting(CountryTag::code).containsExactlyInAnyOrder("VN", "TH", "LA", "KH");
        assertThat(classified.pair()).isNull();
    }

    @Test
    void doesNotMistakeVietnameseWordsForCountries() throws IOException {
        ClassifiedArticle classified = classifier.classify(article("vi-cap-nhat-chu-nhat.json"));

        assertThat(classified.countries()).isEmpty();
        assertThat(classified.pair()).isNull();
    }

    @Test
    void stampsItsVersionTimeAndLanguage() throws IOException {
        ClassifiedArticle classified = classifier.classify(article("fr-japon-vietnam-formation.json"));

        assertThat(classified.classifierVersion()).isEqualTo(Classifier.VERSION);
        assertThat(classified.classifiedAt()).isEqualTo(Instant.parse("2026-11-20T09:32:00Z"));
        assertThat(classified.language()).isEqualTo("fr");
    }

    static RawArticle article(String name) throws IOException {
        try (InputStream in = ClassifierTest.class.getResourceAsStream("/articles/" + name)) {
            assertThat(in).as("fixture %s", name).isNotNull();
            return JSON.readValue(in, RawArticle.class);
        }
    }
}
