package io.newsradar.classify.pair;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.classify.Stories;
import io.newsradar.contracts.ClassifiedArticle;
import io.newsradar.contracts.CountryTag;
import org.junit.jupiter.api.Test;

/**
 * When a story is about two countries, and when it is not: domestic, a second country only in passing, three on an
 * equal footing, a forum's story, and a forum's story that names its pair as a pair. Stories are in
 * {@code stories/pair/}.
 */
class PairPickerTest {

    @Test
    void twoCountriesWrittenAsAPairAreThePair() {
        ClassifiedArticle classified = Stories.classify("pair/vi-viet-nam-nhat-ban-thuc-tap-sinh");

        assertThat(classified.pair()).isNotNull();
        assertThat(classified.pair().code()).isEqualTo("JP-VN");
        assertThat(classified.pair().confidence()).isBetween(0.5, 0.99);
    }

    @Test
    void aDomesticStoryHasNoPair() {
        ClassifiedArticle classified = Stories.classify("pair/en-japan-domestic-rice");

        assertThat(classified.countries()).extracting(CountryTag::code).containsExactly("JP");
        assertThat(classified.pair()).isNull();
    }

    @Test
    void aSecondCountryThatOnlyPassesThroughMakesNoPair() {
        ClassifiedArticle classified = Stories.classify("pair/en-japan-korea-in-passing");

        assertThat(classified.countries()).extracting(CountryTag::code).contains("JP", "KR");
        assertThat(classified.pair()).isNull();
    }

    @Test
    void threeCountriesOnAnEqualFootingMakeNoPair() {
        ClassifiedArticle classified = Stories.classify("pair/en-japan-korea-china-trilateral");

        assertThat(classified.countries()).extracting(CountryTag::code).containsExactlyInAnyOrder("JP", "KR", "CN");
        assertThat(classified.pair()).isNull();
    }

    @Test
    void aStoryLedByAForumOfManyCountriesHasNoPair() {
        ClassifiedArticle classified = Stories.classify("pair/en-asean-summit-five");

        assertThat(classified.countries()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(classified.pair()).isNull();
    }

    @Test
    void aStoryLedByAForumThatNamesTwoCountriesAsAPairHasThatPair() {
        ClassifiedArticle classified = Stories.classify("pair/en-asean-vietnam-and-japan");

        assertThat(classified.countries()).extracting(CountryTag::code).contains("VN", "JP", "TH");
        assertThat(classified.pair()).isNotNull();
        assertThat(classified.pair().code()).isEqualTo("JP-VN");
    }
}
