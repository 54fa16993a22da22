package io.newsradar.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReferenceDataTest {

    private static final ReferenceData BUNDLED = ReferenceData.load(null);

    @Test
    void aProvinceMergedIn2025KeepsItsCodeAndTellsWhichProvinceHoldsItToday() {
        Region bacGiang = BUNDLED.regions().region("VN-54").orElseThrow();

        assertThat(bacGiang.country()).isEqualTo("VN");
        assertThat(bacGiang.current()).isEqualTo("VN-56");
        assertThat(bacGiang.merged()).isTrue();
        assertThat(BUNDLED.regions().region("VN-56").orElseThrow().merged()).isFalse();
    }

    @Test
    void aRegionIsRelatedToItsSuccessorAndToTheRegionsMergedIntoIt() {
        assertThat(BUNDLED.regions().related("VN-54")).containsExactly("VN-54", "VN-56");
        assertThat(BUNDLED.regions().related("VN-56")).containsExactly("VN-54", "VN-56");
        assertThat(BUNDLED.regions().related("VN-68")).containsExactly("VN-14", "VN-68", "VN-70");
        assertThat(BUNDLED.regions().related("JP-10")).containsExactly("JP-10");
    }

    @Test
    void everyRegionIsHeldTodayByARegionTheDataKnows() {
        assertThat(BUNDLED.regions().all().values())
                .allSatisfy(region -> assertThat(BUNDLED.regions().region(region.current())).isPresent())
                .extracting(Region::country).contains("VN", "JP", "LA", "KR", "TH");
    }

    @Test
    void everyCountryWithoutACuratedFileHasItsFirstLevelFromTheGeneratedFiles() {
        assertThat(BUNDLED.regions().region("DE-BY")).map(Region::name).contains("Bavaria");
        assertThat(BUNDLED.regions().region("AU-NSW")).map(Region::name).contains("New South Wales");
        assertThat(BUNDLED.regions().region("CA-ON")).map(Region::name).contains("Ontario");
        assertThat(BUNDLED.regions().region("IN-MH")).map(Region::name).contains("Maharashtra");
        assertThat(BUNDLED.regions().all().values()).extracting(Region::country).doesNotContain("HK", "PR")
                .hasSizeGreaterThan(3000);
    }

    @Test
    void aCuratedFileReplacesTheGeneratedOneForItsCountry() {
        assertThat(BUNDLED.regions().region("FR-ARA")).map(Region::name).contains("Auvergne-Rhône-Alpes");
        assertThat(BUNDLED.regions().region("FR-971")).isEmpty();
        assertThat(BUNDLED.regions().names()).filteredOn(n -> n.region().country().equals("TH"))
                .allSatisfy(n -> assertThat(n.line().file()).endsWith("regions/TH.tsv"));
    }

    @Test
    void aGeneratedNameThatCollidesWithAWordACountryOrAnotherRegionNeedsItsCountry() {
        assertThat(flags("AU-VIC", "Victoria")).isEqualTo("needs-country");
        assertThat(flags("IN-PB", "Punjab")).isEqualTo("needs-country");
        assertThat(flags("AR-X", "Córdoba")).isEqualTo("needs-country");
        assertThat(flags("DE-BE", "Berlin")).isEqualTo("needs-country");
        assertThat(flags("DE-BY", "Bavaria")).isEmpty();
        assertThat(flags("CA-ON", "Ontario")).isEmpty();
    }

    private static String flags(String code, String written) {
        return BUNDLED.regions().names().stream()
                .filter(n -> n.region().code().equals(code) && n.written().equals(written))
                .findFirst().orElseThrow().flags();
    }

    @Test
    void theBundledTaxonomyHasTheFourTopicsInTheOrderOfItsFile() {
        assertThat(BUNDLED.topics().all()).extracting(Topic::name).containsExactly("investment", "aid", "culture", "labour");
        assertThat(BUNDLED.topics().topic("labour").orElseThrow().threshold()).isEqualTo(3.0);
        assertThat(BUNDLED.topics().topic("nonsense")).isEmpty();
    }

    @Test
    void theCountriesAreTheIsoCodesWithTheirEnglishNames() {
        assertThat(BUNDLED.countries().isKnown("VN")).isTrue();
        assertThat(BUNDLED.countries().isKnown("XX")).isFalse();
        assertThat(BUNDLED.countries().isKnown("vn")).isFalse();
        assertThat(BUNDLED.countries().name("JP")).contains("Japan");
        assertThat(BUNDLED.countries().codes()).hasSizeGreaterThan(240).first().isEqualTo("AD");
    }

    @Test
    void aNewsroomsDirectoryAddsItsTopicAndRegionsBesideTheBundledFilesItDoesNotReplace() throws URISyntaxException {
        ReferenceData newsroom = ReferenceData.load(resource("newsroom"));

        assertThat(newsroom.topics().all()).extracting(Topic::name).endsWith("labour", "fisheries");
        assertThat(newsroom.regions().region("MY-10")).map(Region::name).contains("Selangor");
        assertThat(newsroom.regions().names()).filteredOn(n -> n.region().code().equals("MY-10"))
                .extracting(Regions.Name::written).containsExactly("Selangor", "Selangor Darul Ehsan");
        assertThat(newsroom.regions().region("VN-54")).isPresent();
    }

    @Test
    void aRegionHeldByAnUnknownRegionIsRefusedNamingTheFileAndBothCodes() throws URISyntaxException {
        assertThatThrownBy(() -> ReferenceData.load(resource("orphan-successor")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("regions/LA.tsv").hasMessageContaining("LA-01").hasMessageContaining("LA-99");
    }

    @Test
    void aMalformedLineIsRefusedNamingTheFileAndTheLine() throws URISyntaxException {
        assertThatThrownBy(() -> ReferenceData.load(resource("malformed")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("topics.tsv line 2: expected 2 to 3 tab-separated columns, found 1");
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(ReferenceDataTest.class.getResource("/" + name).toURI());
    }
}
