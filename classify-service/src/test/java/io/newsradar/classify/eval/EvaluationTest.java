package io.newsradar.classify.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.classify.Classifier;
import io.newsradar.classify.region.RegionGazetteer;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The classifier against the labelled evaluation set: the quality it reached must not drop (the floor in
 * {@code quality-floor.properties}, minus a small margin), and the held-out split must meet the product's targets.
 * To raise the floor after an improvement, run {@code evaluate} and copy its figures into the file.
 */
class EvaluationTest {

    private static final Path SET = Path.of("src/test/resources/eval");
    /** How far a figure may fall below its floor: one article in about fifty. */
    private static final double MARGIN = 0.02;

    private static EvaluationSet set;
    private static Classifier classifier;

    @BeforeAll
    static void load() {
        set = EvaluationSet.read(List.of(SET));
        classifier = Classifier.withDefaults();
    }

    @Test
    void theSetIsLargeEnoughAndKeepsAHeldOutPart() {
        assertThat(set.items()).hasSizeGreaterThanOrEqualTo(150);
        assertThat(set.split("test").items().size()).isBetween(set.items().size() / 4, set.items().size() / 2);
        for (String lang : List.of("vi", "en", "fr")) {
            assertThat(set.items()).filteredOn(i -> i.lang().equals(lang)).as("articles in " + lang).hasSizeGreaterThanOrEqualTo(40);
        }
    }

    @Test
    void everyLabelIsAKnownCodeWithItsRationale() {
        RegionGazetteer regions = RegionGazetteer.load(null);
        List<String> countries = List.of(Locale.getISOCountries());
        SoftAssertions softly = new SoftAssertions();
        for (EvaluationSet.Item item : set.items()) {
            EvaluationSet.Labels labels = item.labels();
            softly.assertThat(item.why()).as(item.id() + " why").isNotBlank();
            softly.assertThat(countries).as(item.id() + " countries").containsAll(labels.countries());
            labels.regions().forEach(code -> softly.assertThat(regions.region(code)).as(item.id() + " region " + code).isPresent());
            labels.regions().forEach(code -> softly.assertThat(labels.countries()).as(item.id() + " country of " + code)
                    .contains(code.substring(0, 2)));
            if (labels.pair() != null) {
                String[] pair = labels.pair().split("-");
                softly.assertThat(pair[0].compareTo(pair[1])).as(item.id() + " pair sorted").isNegative();
                softly.assertThat(labels.countries()).as(item.id() + " pair countries").contains(pair);
            }
        }
        softly.assertAll();
    }

    @Test
    void theHeldOutPartMeetsTheTargets() {
        EvaluationReport report = EvaluationReport.of(classifier, set.split("test"));
        System.out.println(report.format(false));

        assertThat(report.pairAccuracy()).as("pair accuracy").isGreaterThanOrEqualTo(0.90);
        assertThat(report.regions().f1()).as("region F1").isGreaterThanOrEqualTo(0.85);
        assertThat(report.topicsMicro().f1()).as("topic micro-F1").isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void qualityDoesNotDropBelowTheLevelReached() throws IOException {
        Properties floor = new Properties();
        try (Reader reader = Files.newBufferedReader(SET.resolve("quality-floor.properties"), StandardCharsets.UTF_8)) {
            floor.load(reader);
        }
        List<String> checked = new ArrayList<>();
        SoftAssertions softly = new SoftAssertions();
        for (String split : List.of("dev", "test")) {
            Map<String, Double> figures = EvaluationReport.of(classifier, set.split(split)).figures();
            figures.forEach((name, value) -> {
                String key = split + "." + name;
                String level = floor.getProperty(key);
                if (level != null) {
                    checked.add(key);
                    softly.assertThat(value).as(key + " (floor " + level + ")").isGreaterThanOrEqualTo(Double.parseDouble(level) - MARGIN);
                }
            });
        }
        softly.assertAll();
        assertThat(checked).as("figures with a floor").containsAll(floor.stringPropertyNames());
    }
}
