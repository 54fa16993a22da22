package io.newsradar.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventValidationTest {

    @Test
    void ordersThePairWhicheverWayItIsGiven() {
        assertThat(PairTag.of("VN", "JP", 0.9).code()).isEqualTo("JP-VN");
        assertThat(PairTag.of("JP", "VN", 0.9).countries()).containsExactly("JP", "VN");
        assertThat(PairTag.normalize(" vn-jp ")).isEqualTo("JP-VN");
    }

    @Test
    void rejectsAPairThatIsNotTwoDifferentCountries() {
        assertThatThrownBy(() -> PairTag.normalize("VN")).hasMessageContaining("two ISO country codes");
        assertThatThrownBy(() -> PairTag.normalize("VN-VN")).hasMessageContaining("two different countries");
        assertThatThrownBy(() -> PairTag.normalize("VNM-JPN")).hasMessageContaining("alpha-2");
        assertThatThrownBy(() -> new PairTag("VN-JP", List.of("JP", "VN"), 0.5)).hasMessageContaining("must be JP-VN");
    }

    @Test
    void rejectsAFeedWhoseUrlIsNotHttp() {
        assertThatThrownBy(() -> FeedSpec.of("local-file", "file:///etc/passwd", "en"))
                .hasMessage("FeedSpec local-file: url must be an absolute http(s) URL, was file:///etc/passwd");
    }

    @Test
    void rejectsAFeedIdThatCouldNotBeARecordKeyInLogsAndUrls() {
        assertThatThrownBy(() -> FeedSpec.of("a feed/with spaces", "https://example.com/rss", "en"))
                .hasMessageContaining("FeedSpec.feedId must be 1-100 letters");
    }

    @Test
    void rejectsANonPositivePollInterval() {
        assertThatThrownBy(() -> new FeedSpec(1, "f", "https://example.com/rss", null, null, Duration.ZERO, false, true))
                .hasMessageContaining("pollInterval must be positive");
    }

    @Test
    void rejectsScoresOutsideZeroToOne() {
        assertThatThrownBy(() -> new CountryTag("JP", 1.5, List.of())).hasMessageContaining("CountryTag JP: score");
        assertThatThrownBy(() -> new TopicTag("aid", Double.NaN, List.of())).hasMessageContaining("TopicTag aid: score");
    }

    @Test
    void rejectsARegionCodeOfAnotherCountry() {
        assertThatThrownBy(() -> new RegionTag("JP-10", "VN", "Gunma", null, 0.5, List.of()))
                .hasMessageContaining("ISO 3166-2 code of VN");
    }

    @Test
    void copiesListsSoEventsStayImmutable() {
        var evidence = new java.util.ArrayList<Evidence>();
        evidence.add(new Evidence("Nhật Bản", Evidence.Field.TITLE, 3));
        CountryTag tag = new CountryTag("JP", 0.5, evidence);

        evidence.clear();

        assertThat(tag.evidence()).hasSize(1);
        assertThatThrownBy(() -> tag.evidence().add(null)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void namesEveryTopicOnceWithTheCompactedOnesAmongThem() {
        assertThat(Topics.ALL).doesNotHaveDuplicates().hasSize(8).containsAll(Topics.COMPACTED);
    }
}
