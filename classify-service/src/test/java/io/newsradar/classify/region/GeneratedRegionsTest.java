package io.newsradar.classify.region;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.classify.Classifier;
import io.newsradar.contracts.ClassifiedArticle;
import io.newsradar.contracts.RawArticle;
import io.newsradar.contracts.RegionTag;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

/** The regions of the generated gazetteer in stories, and its collision flags keeping a bare ambiguous name out. */
class GeneratedRegionsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Classifier CLASSIFIER =
            Classifier.load(null, Clock.fixed(Instant.parse("2026-11-20T09:32:00Z"), ZoneOffset.UTC));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            en-bavaria-factory.json,           DE-BY
            en-new-south-wales-floods.json,    AU-NSW
            en-ontario-transit.json,           CA-ON
            en-maharashtra-monsoon.json,       IN-MH
            en-chiang-mai-festival.json,       TH-50
            """)
    void aStoryAboutARegionOfAnyCountryGetsThatRegion(String fixture, String region) throws IOException {
        ClassifiedArticle classified = CLASSIFIER.classify(article(fixture));

        assertThat(classified.regions()).extracting(RegionTag::code).contains(region);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            en-georgia-country-election.json
            en-victoria-person-award.json
            """)
    void aFlaggedNameAloneGetsNoRegion(String fixture) throws IOException {
        ClassifiedArticle classified = CLASSIFIER.classify(article(fixture));

        assertThat(classified.regions()).isEmpty();
    }

    private static RawArticle article(String name) throws IOException {
        try (InputStream in = GeneratedRegionsTest.class.getResourceAsStream("/articles/" + name)) {
            assertThat(in).as("fixture %s", name).isNotNull();
            return JSON.readValue(in, RawArticle.class);
        }
    }
}
