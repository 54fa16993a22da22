package io.newsradar.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The golden files are the wire format: a change that breaks them breaks every reader of the topic. */
class WireFormatTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Stream<Arguments> goldenFiles() {
        return Stream.of(
                Arguments.of("feed-spec.json", FeedSpec.class),
                Arguments.of("feed-state.json", FeedState.class),
                Arguments.of("raw-article.json", RawArticle.class),
                Arguments.of("classified-article.json", ClassifiedArticle.class),
                Arguments.of("alert-delivery.json", AlertDelivery.class),
                Arguments.of("alert-spike.json", AlertDelivery.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenFiles")
    void writesExactlyTheGoldenDocumentBack(String file, Class<?> type) throws IOException {
        JsonNode golden = golden(file);

        Object event = JSON.treeToValue(golden, type);
        JsonNode written = JSON.valueToTree(event);

        assertThat(written).isEqualTo(golden);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenFiles")
    void ignoresFieldsItDoesNotKnow(String file, Class<?> type) throws IOException {
        ObjectNode withExtras = (ObjectNode) golden(file);
        withExtras.put("addedByANewerWriter", "ignored");
        withExtras.putObject("nestedNewThing").put("x", 1);

        Object event = JSON.treeToValue(withExtras, type);
        JsonNode written = JSON.valueToTree(event);

        assertThat(written).isEqualTo(golden(file));
    }

    @Test
    void aDeliveryIdIsTheHashOfItsSearchAndArticleAndCarriesNoSecret() throws IOException {
        AlertDelivery delivery = JSON.treeToValue(golden("alert-delivery.json"), AlertDelivery.class);

        assertThat(delivery.deliveryId()).isEqualTo(AlertDelivery.deliveryId("labour-jp-vn", "3UIoRoGI7WgpQ9sdeG_8aw"))
                .isNotEqualTo(AlertDelivery.deliveryId("labour-jp-vn", "another-article"))
                .matches("[A-Za-z0-9_-]{22}");
        assertThat(delivery.search().webhook()).isNull();
        assertThat(delivery.article().body()).isNull();
    }

    @Test
    void aMatchWrittenBeforeSpikesHadAKindReadsAsAMatch() throws IOException {
        ObjectNode old = (ObjectNode) golden("alert-delivery.json");
        old.remove("kind");
        old.remove("spike");

        AlertDelivery delivery = JSON.treeToValue(old, AlertDelivery.class);

        assertThat(delivery.kind()).isEqualTo(AlertDelivery.MATCH);
        assertThat(delivery.spike()).isNull();
        JsonNode written = JSON.valueToTree(delivery);
        assertThat(written).isEqualTo(golden("alert-delivery.json"));
    }

    @Test
    void aSpikeCarriesItsHourCountAndBaselineAndIsIdentifiedBySearchAndHour() throws IOException {
        AlertDelivery spike = JSON.treeToValue(golden("alert-spike.json"), AlertDelivery.class);

        assertThat(spike.kind()).isEqualTo(AlertDelivery.SPIKE);
        assertThat(spike.article()).isNull();
        assertThat(spike.search().webhook()).isNull();
        assertThat(spike.spike().hour()).isEqualTo(Instant.parse("2026-11-21T14:00:00Z"));
        assertThat(spike.spike().count()).isEqualTo(12);
        assertThat(spike.spike().mean()).isEqualTo(1.25);
        assertThat(spike.deliveryId()).isEqualTo(AlertDelivery.spikeDeliveryId("aid-la-vn", Instant.parse("2026-11-21T14:37:00Z")))
                .isNotEqualTo(AlertDelivery.spikeDeliveryId("aid-la-vn", Instant.parse("2026-11-21T15:00:00Z")))
                .isNotEqualTo(AlertDelivery.deliveryId("aid-la-vn", "2026-11-21T14:00:00Z"));
    }

    @Test
    void anAlertOfAnUnknownKindOrASpikeWithoutItsCountsIsRefused() throws IOException {
        ObjectNode unknown = (ObjectNode) golden("alert-spike.json");
        unknown.put("kind", "digest");
        ObjectNode bare = (ObjectNode) golden("alert-spike.json");
        bare.putNull("spike");

        assertThatThrownBy(() -> JSON.treeToValue(unknown, AlertDelivery.class)).hasMessageContaining("kind must be");
        assertThatThrownBy(() -> JSON.treeToValue(bare, AlertDelivery.class)).hasMessageContaining("spike must be set");
    }

    @Test
    void readsTheFieldsOfTheGoldenArticle() throws IOException {
        ClassifiedArticle article = JSON.treeToValue(golden("classified-article.json"), ClassifiedArticle.class);

        assertThat(article.articleId()).isEqualTo("3UIoRoGI7WgpQ9sdeG_8aw");
        assertThat(article.pair().code()).isEqualTo("JP-VN");
        assertThat(article.countries()).extracting(CountryTag::code).containsExactly("JP", "VN");
        assertThat(article.countries().get(0).evidence().get(0).field()).isEqualTo(Evidence.Field.TITLE);
        assertThat(article.regions().get(0).currentCode()).isEqualTo("VN-56");
        assertThat(article.article().publishedAt()).isEqualTo(Instant.parse("2026-11-20T09:30:00Z"));
    }

    @Test
    void writesDurationsAndInstantsAsIsoText() throws IOException {
        FeedSpec spec = JSON.treeToValue(golden("feed-spec.json"), FeedSpec.class);

        assertThat(spec.pollInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(JSON.writeValueAsString(spec)).contains("\"pollInterval\":\"PT5M\"");
    }

    @Test
    void readsAMissingSchemaVersionAsTheCurrentOne() {
        RawArticle article = JSON.readValue(
                "{\"articleId\":\"3UIoRoGI7WgpQ9sdeG_8aw\",\"feedId\":\"f\",\"ingestedAt\":\"2026-11-20T09:31:12Z\"}",
                RawArticle.class);

        assertThat(article.schemaVersion()).isEqualTo(RawArticle.SCHEMA_VERSION);
        assertThat(article.title()).isEmpty();
        assertThat(article.categories()).isEmpty();
    }

    @Test
    void readsAnArticleWrittenBeforeTruncationAndSiteWereRecordedAsWholeAndFromItsOwnSite() {
        RawArticle article = JSON.readValue(
                "{\"articleId\":\"3UIoRoGI7WgpQ9sdeG_8aw\",\"feedId\":\"f\",\"ingestedAt\":\"2026-11-20T09:31:12Z\"}",
                RawArticle.class);

        assertThat(article.truncated()).isEmpty();
        assertThat(article.dateAsGiven()).isNull();
        assertThat(article.sameSite()).isTrue();
    }

    @Test
    void readsAnArticleWrittenBeforeItsLanguageWasDecidedAsUndecided() {
        RawArticle article = JSON.readValue("{\"articleId\":\"3UIoRoGI7WgpQ9sdeG_8aw\",\"feedId\":\"f\","
                + "\"language\":\"en-GB\",\"ingestedAt\":\"2026-11-20T09:31:12Z\"}", RawArticle.class);

        assertThat(article.language()).isEqualTo("en-GB");
        assertThat(article.languageFrom()).isNull();
        assertThat(article.languageDecided()).isFalse();
    }

    @Test
    void readsWhereTheLanguageOfTheGoldenArticleCameFrom() throws IOException {
        RawArticle article = JSON.treeToValue(golden("raw-article.json"), RawArticle.class);

        assertThat(article.language()).isEqualTo("vi");
        assertThat(article.languageFrom()).isEqualTo("feed");
        assertThat(article.languageDecided()).isTrue();
    }

    @Test
    void refusesALanguageSourceItDoesNotKnow() {
        assertThatThrownBy(() -> JSON.readValue("{\"articleId\":\"a\",\"feedId\":\"f\",\"ingestedAt\":\"2026-11-20T09:31:12Z\","
                + "\"languageFrom\":\"guessed\"}", RawArticle.class))
                .isInstanceOf(DatabindException.class)
                .hasMessageContaining("languageFrom must be one of [feed, page, detected]");
    }

    @Test
    void refusesATruncatedFieldThatIsNotATextField() {
        assertThatThrownBy(() -> JSON.readValue("{\"articleId\":\"a\",\"feedId\":\"f\",\"ingestedAt\":\"2026-11-20T09:31:12Z\","
                + "\"truncated\":[\"url\"]}", RawArticle.class))
                .isInstanceOf(DatabindException.class)
                .hasMessageContaining("truncated may name only [title, lead, body]");
    }

    @Test
    void readsAFeedWithOnlyIdAndUrlAsEnabledWithDefaults() {
        FeedSpec spec = JSON.readValue("{\"feedId\":\"f\",\"url\":\"https://example.com/rss\"}", FeedSpec.class);

        assertThat(spec.enabled()).isTrue();
        assertThat(spec.fetchFullArticle()).isFalse();
        assertThat(spec.pollInterval()).isNull();
    }

    @Test
    void rejectsAMalformedEventSayingWhichFieldIsWrong() {
        assertThatThrownBy(() -> JSON.readValue("{\"feedId\":\"f\",\"ingestedAt\":\"2026-11-20T09:31:12Z\"}", RawArticle.class))
                .isInstanceOf(DatabindException.class)
                .hasMessageContaining("RawArticle.articleId must not be blank");
    }

    private static JsonNode golden(String file) throws IOException {
        try (InputStream in = WireFormatTest.class.getResourceAsStream("/golden/" + file)) {
            assertThat(in).as("golden file %s", file).isNotNull();
            return JSON.readTree(in);
        }
    }
}
