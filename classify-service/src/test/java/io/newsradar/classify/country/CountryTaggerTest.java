package io.newsradar.classify.country;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.classify.Stories;
import io.newsradar.contracts.CountryTag;
import io.newsradar.contracts.Evidence;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The weight a country's names give it: the part they stand in, a venue, the home language's bonus, and a region
 * standing for its country. Stories are in {@code stories/country/}.
 */
class CountryTaggerTest {

    @Test
    void aCountryNamedOnceInTheBodyDoesNotActButNamedInTheLeadItDoes() {
        assertThat(codes("en-france-once-in-body")).containsExactly("JP");
        assertThat(codes("en-france-in-lead")).containsExactlyInAnyOrder("JP", "FR");
    }

    @Test
    void aCountryThatIsOnlyWhereSomethingHappenedCountsHalf() {
        assertThat(codes("en-in-france-in-lead")).containsExactly("JP");
    }

    @Test
    void aCountryNamedInAnArticleOfItsOwnLanguageNeedsOneMentionLess() {
        assertThat(codes("vi-viet-nam-once-in-body")).containsExactly("VN");
        assertThat(codes("en-vietnam-once-in-body")).isEmpty();
    }

    @Test
    void aRegionStandsForItsCountry() {
        CountryTag japan = Stories.classify("country/en-gunma-prefecture-in-title").countries().get(0);

        assertThat(japan.code()).isEqualTo("JP");
        assertThat(japan.evidence().get(0).phrase()).isEqualTo("Gunma");
        assertThat(japan.evidence().get(0).field()).isEqualTo(Evidence.Field.TITLE);
    }

    @Test
    void theHeadlineWeighsMoreThanTheBody() {
        List<CountryTag> countries = Stories.classify("country/en-france-in-lead").countries();

        assertThat(countries).extracting(CountryTag::code).as("Japan in the title and the lead, France in the lead")
                .containsExactly("JP", "FR");
        assertThat(countries.get(0).score()).isGreaterThan(countries.get(1).score());
    }

    private static List<String> codes(String story) {
        return Stories.classify("country/" + story).countries().stream().map(CountryTag::code).toList();
    }
}
