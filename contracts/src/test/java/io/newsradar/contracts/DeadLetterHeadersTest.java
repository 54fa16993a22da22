package io.newsradar.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The dead-letter header set is a wire format too: golden/dead-letter-headers.json holds it. */
class DeadLetterHeadersTest {

    private static final Instant AT = Instant.parse("2026-12-02T16:40:00.125Z");

    @Test
    void writesExactlyTheGoldenHeadersInTheirOrderAndReadsThemBack() throws IOException {
        Map<String, String> golden = golden();

        DeadLetterHeaders read = DeadLetterHeaders.read(golden::get);

        assertThat(read).isEqualTo(new DeadLetterHeaders("index-service", "tools.jackson.core.exc.StreamReadException",
                "index-service could not read a ClassifiedArticle: Unexpected character ('h' (code 104)) at line 1, column 1",
                3, Topics.ARTICLES_CLASSIFIED, 5, 81234, AT, 1203344));
        assertThat(read.asMap()).containsExactlyEntriesOf(golden);
        assertThat(read.asBytes().get(DeadLetterHeaders.ATTEMPTS)).isEqualTo("3".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void leavesOutThePlaceWhenItIsUnknownAndTheSizeWhenTheRecordIsWhole() {
        DeadLetterHeaders replayed = new DeadLetterHeaders("index-service", "no-value", "the record has no value", 1,
                Topics.ARTICLES_CLASSIFIED, -1, -1, AT, -1);

        assertThat(replayed.asMap()).containsOnlyKeys(DeadLetterHeaders.STAGE, DeadLetterHeaders.ERROR_CLASS,
                DeadLetterHeaders.ERROR, DeadLetterHeaders.ATTEMPTS, DeadLetterHeaders.ORIGINAL_TOPIC, DeadLetterHeaders.TIME);
        assertThat(DeadLetterHeaders.read(replayed.asMap()::get)).isEqualTo(replayed);
    }

    @Test
    void masksSecretsInTheErrorBeforeItIsWritten() {
        DeadLetterHeaders letter = headers("fetching https://reader:hunter2@feeds.example/rss?api_key=k3y failed", 1);

        assertThat(letter.error()).isEqualTo("fetching https://reader:***@feeds.example/rss?api_key=*** failed");
        assertThat(letter.asMap().get(DeadLetterHeaders.ERROR)).doesNotContain("hunter2").doesNotContain("k3y");
    }

    @Test
    void cutsALongErrorToTheLimitAndSaysSo() {
        DeadLetterHeaders letter = headers("Elasticsearch refused the document: " + "mapper_parsing_exception ".repeat(400), 1);

        assertThat(letter.error()).hasSize(DeadLetterHeaders.MAX_ERROR_LENGTH).startsWith("Elasticsearch refused").endsWith("…");
    }

    @Test
    void neverCutsACharacterOutsideTheBasicPlaneInHalf() {
        // 1,998 ASCII characters, then emoji of two chars each: the cut falls on the first emoji's pair.
        String error = "x".repeat(DeadLetterHeaders.MAX_ERROR_LENGTH - 2) + "😀".repeat(10);

        String cut = headers(error, 1).error();

        assertThat(cut).endsWith("x…").hasSizeLessThanOrEqualTo(DeadLetterHeaders.MAX_ERROR_LENGTH);
        assertThat(cut.codePoints().filter(c -> Character.getType(c) == Character.SURROGATE)).isEmpty();
    }

    @ParameterizedTest(name = "attempts {0}")
    @ValueSource(ints = {0, -1})
    void refusesARecordThatWasNeverTried(int attempts) {
        assertThatThrownBy(() -> headers("no value", attempts)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least once");
    }

    @Test
    void refusesAPartitionWithoutItsOffsetAndABlankStage() {
        assertThatThrownBy(() -> new DeadLetterHeaders("classify-service", "json-null", "the record is JSON null", 1,
                Topics.ARTICLES_RAW, 3, -1, AT, -1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("partition and offset");
        assertThatThrownBy(() -> new DeadLetterHeaders(" ", "json-null", "the record is JSON null", 1,
                Topics.ARTICLES_RAW, -1, -1, AT, -1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stage");
    }

    @Test
    void readingNamesTheHeaderThatIsMissingOrMalformed() throws IOException {
        Map<String, String> withoutAttempts = new LinkedHashMap<>(golden());
        withoutAttempts.remove(DeadLetterHeaders.ATTEMPTS);
        Map<String, String> badTime = new LinkedHashMap<>(golden());
        badTime.put(DeadLetterHeaders.TIME, "yesterday");

        assertThatThrownBy(() -> DeadLetterHeaders.read(withoutAttempts::get)).hasMessageContaining(DeadLetterHeaders.ATTEMPTS);
        assertThatThrownBy(() -> DeadLetterHeaders.read(badTime::get)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("yesterday");
    }

    private static DeadLetterHeaders headers(String error, int attempts) {
        return new DeadLetterHeaders("classify-service", "java.lang.IllegalStateException", error, attempts,
                Topics.ARTICLES_RAW, 0, 7, AT, -1);
    }

    private static Map<String, String> golden() throws IOException {
        try (InputStream in = DeadLetterHeadersTest.class.getResourceAsStream("/golden/dead-letter-headers.json")) {
            return JsonMapper.builder().build().readValue(in, new TypeReference<LinkedHashMap<String, String>>() { });
        }
    }
}
