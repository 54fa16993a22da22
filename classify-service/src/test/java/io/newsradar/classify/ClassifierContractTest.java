package io.newsradar.classify;

import static io.newsradar.classify.ClassifierTest.article;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.contracts.ClassifiedArticle;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Classify trusts the language ingest decided, and guesses only for an event that carries no decision. */
class ClassifierContractTest {

    private static final Classifier classifier =
            Classifier.load(null, Clock.fixed(Instant.parse("2026-12-02T07:11:00Z"), ZoneOffset.UTC));

    @Test
    void takesTheLanguageIngestDecidedWithoutGuessingAgain() throws IOException {
        ClassifiedArticle classified = classifier.classify(article("en-hint-ja-decided-by-ingest.json"));

        assertThat(classified.language()).isEqualTo("und");
        assertThat(classified.countries()).isEmpty();
        assertThat(classified.pair()).isNull();
    }

    @Test
    void guessesTheLanguageOfAnEventWrittenBeforeIngestDecidedIt() throws IOException {
        ClassifiedArticle classified = classifier.classify(article("en-hint-ja-undecided.json"));

        assertThat(classified.language()).isEqualTo("en");
        assertThat(classified.pair()).isNotNull();
        assertThat(classified.pair().code()).isEqualTo("JP-VN");
    }
}
