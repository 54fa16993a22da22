package io.newsradar.gateway.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsradar.gateway.search.CodesController.Codes;
import org.junit.jupiter.api.Test;

class CodesControllerTest {

    private final CodesController controller = new CodesController(KnownCodes.load(null));
    private final Codes codes = controller.codes(null);

    @Test
    void listsEveryCountryWithItsName() {
        assertThat(codes.countries()).contains(new CodesController.Country("VN", "Vietnam"), new CodesController.Country("JP", "Japan"));
        assertThat(codes.countries()).extracting(CodesController.Country::code).doesNotContain("ZZ", "XK");
    }

    @Test
    void listsMergedRegionsWithTheRegionHoldingThemToday() {
        assertThat(codes.regions()).filteredOn(r -> r.code().equals("VN-54")).singleElement()
                .satisfies(r -> {
                    assertThat(r.current()).isEqualTo("VN-56");
                    assertThat(r.country()).isEqualTo("VN");
                    assertThat(r.name()).isEqualTo("Bắc Giang");
                });
        assertThat(codes.regions()).extracting(CodesController.Region::code).isSorted().contains("VN-56", "JP-10");
    }

    @Test
    void aCountryNarrowsTheRegionsToItsOwnAndAnUnknownOneIsRefusedByName() {
        Codes japan = controller.codes("jp");

        assertThat(japan.regions()).isNotEmpty().allSatisfy(r -> assertThat(r.country()).isEqualTo("JP"))
                .extracting(CodesController.Region::code).contains("JP-10");
        assertThat(japan.countries()).isEqualTo(codes.countries());
        assertThat(codes.regions()).hasSizeGreaterThan(japan.regions().size());
        assertThatThrownBy(() -> controller.codes("XX")).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("'XX'");
    }

    @Test
    void everyListedValueIsOneTheFiltersAccept() {
        KnownCodes known = KnownCodes.load(null);

        assertThat(codes.countries()).allSatisfy(c -> assertThat(known.country(c.code())).isEqualTo(c.code()));
        assertThat(codes.regions()).allSatisfy(r -> assertThat(known.region(r.code())).isEqualTo(r.code()));
        assertThat(codes.topics()).extracting(CodesController.Topic::name).containsExactly("investment", "aid", "culture", "labour")
                .allSatisfy(t -> assertThat(known.topic(t)).isEqualTo(t));
    }
}
