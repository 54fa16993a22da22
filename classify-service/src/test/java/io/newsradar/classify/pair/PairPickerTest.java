package io.newsradar.classify.pair;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.classify.Classifier;
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

    @Test
    void aFittedDecisionKeepsOrDropsTheCandidateByItsProbability() {
        // pair-model-data: a decision that reads the links between the two countries only
        Classifier fitted = Stories.withData("pair-model-data");
        var story = Stories.read("pair/vi-viet-nam-nhat-ban-thuc-tap-sinh");
        Classifier.Decisions decisions = fitted.decisions(null, story.title(), story.lead(), story.body(), "vi");

        assertThat(decisions.pair()).isNotNull();
        double link = decisions.pair().features().get(PairPicker.SCHEMA.indexOf("link"));
        double probability = 1 / (1 + Math.exp(-(-3 + 6 * link)));
        ClassifiedArticle classified = fitted.classify(story);
        if (probability >= 0.5) {
            assertThat(classified.pair()).isNotNull();
            assertThat(classified.pair().code()).isEqualTo("JP-VN");
            assertThat(classified.pair().confidence()).isEqualTo(Math.round(probability * 1000) / 1000.0);
        } else {
            assertThat(classified.pair()).isNull();
        }
        assertThat(link).as("the story writes the pair as a pair").isPositive();
        // A candidate never linked: the rule keeps it, this decision does not
        var unlinked = Stories.read("pair/en-japan-korea-china-trilateral");
        assertThat(fitted.decisions(null, unlinked.title(), unlinked.lead(), unlinked.body(), "en").pair().features()
                .get(PairPicker.SCHEMA.indexOf("link"))).isZero();
        assertThat(fitted.classify(unlinked).pair()).isNull();
    }
}
