package io.newsradar.classify.region;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.classify.Classifier;
import io.newsradar.classify.Stories;
import io.newsradar.contracts.ClassifiedArticle;
import io.newsradar.contracts.Evidence;
import io.newsradar.contracts.RegionTag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which regions act in a story: Vietnam's provinces with their code of the time and their province since the 2025
 * merger, names that are also other places, capitals and venues between countries and at home, and the mass from
 * which a region acts. Stories are in {@code stories/region/}.
 */
class RegionTaggerTest {

    @ParameterizedTest(name = "{0}: {1} → {2}")
    @CsvSource(textBlock = """
            vi-bac-giang-duong-noi-khu-cong-nghiep, VN-54, VN-56, Bắc Giang
            vi-ha-giang-mua-tam-giac-mach,          VN-03, VN-07, Hà Giang
            vi-quang-binh-mua-lu,                   VN-24, VN-25, Quảng Bình
            vi-quang-ninh-cang-bien,                VN-13, VN-13, Quảng Ninh
            """)
    void aProvinceKeepsItsCodeOfTheTimeAndTellsTheProvinceThatHoldsItNow(String story, String code, String current, String name) {
        ClassifiedArticle classified = Stories.classify("region/" + story);

        assertThat(classified.regions()).singleElement().satisfies(region -> {
            assertThat(region.code()).isEqualTo(code);
            assertThat(region.currentCode()).isEqualTo(current);
            assertThat(region.country()).isEqualTo("VN");
            assertThat(region.evidence()).extracting(Evidence::phrase).contains(name);
        });
    }

    @Test
    void theEvidenceOfARegionStartsWithItsHeadline() {
        RegionTag region = Stories.classify("region/vi-bac-giang-duong-noi-khu-cong-nghiep").regions().get(0);

        assertThat(region.evidence().get(0).field()).isEqualTo(Evidence.Field.TITLE);
        assertThat(region.evidence().get(0).offset()).isZero();
    }

    @Test
    void aNameTwoCountriesShareIsTheProvinceOfTheCountryActing() {
        ClassifiedArticle classified = Stories.classify("region/vi-ha-nam-thu-hoach-lua");

        assertThat(classified.regions()).extracting(RegionTag::code).containsExactly("VN-63");
        assertThat(classified.regions().get(0).currentCode()).isEqualTo("VN-18");
    }

    @Test
    void aNameThatNeedsItsCountryCountsWhenThatCountryActs() {
        assertThat(Stories.classify("region/vi-son-dong-trung-quoc-xuat-khau").regions()).extracting(RegionTag::code)
                .containsExactly("CN-SD");
        assertThat(Stories.classify("region/en-nara-deer-park").regions()).extracting(RegionTag::code)
                .containsExactly("JP-29");
    }

    @Test
    void aNameThatNeedsItsCountryIsNothingWhenThatCountryDoesNotAct() {
        assertThat(Stories.classify("region/vi-son-dong-vai-thieu").regions()).extracting(RegionTag::code)
                .doesNotContain("CN-SD");
        assertThat(Stories.classify("region/en-nara-striker").regions()).extracting(RegionTag::code)
                .doesNotContain("JP-29");
    }

    @Test
    void betweenCountriesACapitalWithoutItsDesignationIsItsGovernmentNotARegion() {
        ClassifiedArticle classified = Stories.classify("region/vi-ha-noi-tokyo-nhat-tri");

        assertThat(classified.pair()).isNotNull();
        assertThat(classified.regions()).isEmpty();
    }

    @Test
    void betweenCountriesACapitalWithItsDesignationIsARegion() {
        ClassifiedArticle classified = Stories.classify("region/vi-thanh-pho-ha-noi-ket-nghia");

        assertThat(classified.pair()).isNotNull();
        assertThat(classified.regions()).extracting(RegionTag::code).containsExactly("VN-HN");
    }

    @Test
    void betweenCountriesThePlaceAMeetingWasHeldIsNotARegion() {
        ClassifiedArticle classified = Stories.classify("region/vi-hoi-nghi-tai-ha-noi");

        assertThat(classified.pair()).isNotNull();
        assertThat(classified.regions()).isEmpty();
    }

    @Test
    void inADomesticStoryThePlaceThingsHappenIsWhatItIsAbout() {
        ClassifiedArticle classified = Stories.classify("region/vi-gia-nha-tai-ha-noi");

        assertThat(classified.pair()).isNull();
        assertThat(classified.regions()).extracting(RegionTag::code).containsExactly("VN-HN");
    }

    @Test
    void aRegionNamedOnceInTheBodyDoesNotActButOnceInTheTitleDoes() {
        assertThat(Stories.classify("region/en-gunma-once-in-body").regions()).isEmpty();
        assertThat(Stories.classify("region/en-gunma-in-title").regions()).extracting(RegionTag::code).containsExactly("JP-10");
    }

    @Test
    void aFittedDecisionTagsARegionWithItsProbabilityAndListsEveryRegionNamedAsACandidate() {
        Classifier fitted = Stories.withData("region-model-data");
        var story = Stories.read("region/en-gunma-in-title");

        assertThat(fitted.classify(story).regions()).extracting(RegionTag::code, RegionTag::score)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("JP-10", 0.982));
        assertThat(fitted.classify(Stories.read("region/en-gunma-once-in-body")).regions())
                .as("the rule does not tag one body mention, so sigmoid(-4)").isEmpty();
        var candidates = fitted.decisions(null, story.title(), story.lead(), story.body(), "en").regions();
        assertThat(candidates).extracting(c -> c.region().code()).contains("JP-10");
        assertThat(candidates).allSatisfy(c -> assertThat(c.features().schema()).isSameAs(RegionTagger.SCHEMA));
    }
}
