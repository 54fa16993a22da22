package io.newsradar.classify.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.newsradar.classify.Classifier;
import io.newsradar.classify.Stories;
import io.newsradar.contracts.Evidence;
import io.newsradar.contracts.TopicTag;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How phrases add up to a topic: part weights, repetitions counting half the one before, a threshold that needs two
 * different phrases or one that settles it, and the score at and above the threshold. Most stories here are scored
 * against a taxonomy of one topic, {@code rail} (threshold 3), in {@code topic-data/topics/}, whose weights the test
 * knows: high-speed rail 3, railway 2, rolling stock 2, timetable 1, platform 0.5.
 */
class TopicTaggerTest {

    private static final Classifier RAIL = Stories.withData("topic-data");

    @Test
    void onePhraseThatSettlesTheTopicIsEnoughEvenInTheBody() {
        assertThat(rail("en-high-speed-rail-once-in-body")).singleElement().satisfies(tag -> {
            assertThat(tag.topic()).isEqualTo("rail");
            assertThat(tag.score()).as("3 / (3 + 3): one half at the threshold").isEqualTo(0.5);
            assertThat(tag.evidence()).extracting(Evidence::phrase).containsExactly("high-speed rail");
        });
    }

    @Test
    void oneLesserPhraseIsNotATopicEvenInTheHeadline() {
        assertThat(rail("en-railway-in-title-only")).isEmpty();
    }

    @Test
    void oneLesserPhraseSaidAgainAndAgainIsNotATopic() {
        assertThat(rail("en-one-phrase-repeated-in-body")).isEmpty();
    }

    @Test
    void twoDifferentPhrasesBelowTheThresholdAreNotATopic() {
        assertThat(rail("en-weak-phrases-below-threshold")).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(textBlock = """
            en-two-phrases-in-body,                       0.571
            en-railway-repeated-and-rolling-stock-in-body, 0.625
            en-railway-in-title-rolling-stock-in-body,     0.727
            """)
    void twoDifferentPhrasesMakeATopicScoredByTheirPartsAndRepetitions(String story, double score) {
        // 2 + 2 = 4 → 4/7; a repeated railway counts half: 2 + 1 + 2 = 5 → 5/8; railway in the title counts three
        // times: 6 + 2 = 8 → 8/11.
        assertThat(rail(story)).singleElement().satisfies(tag -> {
            assertThat(tag.topic()).isEqualTo("rail");
            assertThat(tag.score()).isEqualTo(score);
        });
    }

    @Test
    void theEvidenceNamesEachPhraseOnceStrongestFirst() {
        List<TopicTag> tags = rail("en-railway-in-title-rolling-stock-in-body");

        assertThat(tags.get(0).evidence()).extracting(Evidence::phrase, Evidence::field).containsExactly(
                tuple("Railway", Evidence.Field.TITLE),
                tuple("rolling stock", Evidence.Field.BODY));
        assertThat(rail("en-railway-repeated-and-rolling-stock-in-body").get(0).evidence())
                .extracting(Evidence::phrase).containsExactly("railway", "rolling stock");
    }

    @Test
    void theBundledLabourLexiconSettlesLabourOnTraineesAlone() {
        assertThat(Stories.classify("topic/vi-thuc-tap-sinh-trong-than-bai").topics()).extracting(TopicTag::topic)
                .containsExactly("labour");
    }

    private static List<TopicTag> rail(String story) {
        return RAIL.classify(Stories.read("topic/" + story)).topics();
    }

    @Test
    void aFittedDecisionScoresTheTopicWithItsProbabilityAndAppliesItFromOneHalf() {
        // topic-model-data: the rail taxonomy with a weights file in which only the hand rule's verdict counts
        Classifier fitted = Stories.withData("topic-model-data");

        assertThat(fitted.classify(Stories.read("topic/en-two-phrases-in-body")).topics()).singleElement().satisfies(tag -> {
            assertThat(tag.topic()).isEqualTo("rail");
            assertThat(tag.score()).as("sigmoid(-4 + 8)").isEqualTo(0.982);
            assertThat(tag.evidence()).isNotEmpty();
        });
        assertThat(fitted.classify(Stories.read("topic/en-weak-phrases-below-threshold")).topics()).as("sigmoid(-4) < 0.5").isEmpty();
    }

    @Test
    void theFeaturesOfADecisionSayWhereItsPhrasesStood() {
        var story = Stories.read("topic/en-railway-in-title-rolling-stock-in-body");
        var features = RAIL.decisions(null, story.title(), story.lead(), story.body(), "en").topics().get("rail");

        assertThat(features.get(TopicTagger.SCHEMA.indexOf("rule"))).isEqualTo(1.0);
        assertThat(features.get(TopicTagger.SCHEMA.indexOf("title"))).as("log(1 + 2/3)").isCloseTo(Math.log1p(2 / 3.0), within(1e-9));
        assertThat(features.get(TopicTagger.SCHEMA.indexOf("body"))).as("log(1 + 2/3)").isCloseTo(Math.log1p(2 / 3.0), within(1e-9));
        assertThat(features.get(TopicTagger.SCHEMA.indexOf("lead"))).isZero();
        assertThat(features.get(TopicTagger.SCHEMA.indexOf("distinct"))).isCloseTo(Math.log1p(2), within(1e-9));
        assertThat(features.get(TopicTagger.SCHEMA.indexOf("share"))).as("the only topic").isEqualTo(1.0);
    }
}
