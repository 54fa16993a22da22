package io.newsradar.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Any bytes read as a {@link RawArticle} and as a {@link ClassifiedArticle}, as classify-service and index-service
 * read their input records, end in a valid event or in one of the refusals the services turn into dead letters
 * ({@link JacksonException}, {@link IllegalArgumentException}, {@link NullPointerException}), and soon. A valid event
 * writes and reads back equal, and a classified one always makes an {@link ArticleDocument}. A hang is caught by
 * Jazzer's own timeout in long runs.
 */
class EventJsonFuzzTest {

    /** Far above what any input takes once the reader is loaded, far below a hang; generous for a loaded machine. */
    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static {
        // Loading and instrumenting the reader's classes is not the input's time: done once, before any input.
        read("{\"article\": {\"articleId\": \"warm\", \"feedId\": \"f\", \"ingestedAt\": \"2026-01-01T00:00:00Z\"},"
                .concat(" \"classifierVersion\": \"v\", \"classifiedAt\": \"2026-01-01T00:00:00Z\"}").getBytes(
                        java.nio.charset.StandardCharsets.UTF_8), ClassifiedArticle.class);
        read("{\"articleId\": \"warm\", \"feedId\": \"f\", \"ingestedAt\": \"2026-01-01T00:00:00Z\"}".getBytes(
                java.nio.charset.StandardCharsets.UTF_8), RawArticle.class);
    }

    @FuzzTest(maxDuration = "5s")
    void readsOrRefusesAnyRecordWithinItsBound(byte[] record) {
        fuzzerTestOneInput(record);
    }

    /** The target, also for a long run by hand: {@code bench/fuzz/run contracts io.newsradar.contracts.EventJsonFuzzTest 600}. */
    public static void fuzzerTestOneInput(byte[] record) {
        long start = System.nanoTime();
        RawArticle raw = read(record, RawArticle.class);
        if (raw != null) {
            assertThat(raw.articleId()).isNotBlank();
            assertThat(read(JSON.writeValueAsBytes(raw), RawArticle.class)).isEqualTo(raw);
        }
        ClassifiedArticle classified = read(record, ClassifiedArticle.class);
        if (classified != null) {
            ArticleDocument document = ArticleDocument.of(classified);
            assertThat(document.articleId()).isEqualTo(classified.articleId());
            assertThat(read(JSON.writeValueAsBytes(classified), ClassifiedArticle.class)).isEqualTo(classified);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
    }

    private static <T> T read(byte[] record, Class<T> type) {
        try {
            return JSON.readValue(record, type);
        } catch (JacksonException | IllegalArgumentException | NullPointerException refused) {
            assertThat(refused.getMessage()).as("a refusal says what is wrong").isNotBlank();
            return null;
        }
    }
}
