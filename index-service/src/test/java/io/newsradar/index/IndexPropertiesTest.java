package io.newsradar.index;

import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.util.unit.DataSize;

/** Which index-service settings are refused at start-up, each naming the setting to change. */
class IndexPropertiesTest {

    @Test
    void theDocumentedDefaultsAreAccepted() {
        assertThatNoException().isThrownBy(() -> properties(500, "5MB", 1, "500ms", "30s", "1000KB"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no documents per bulk           | 0   | 5MB | 1 | 500ms | 30s   | 1000KB | bulk-max-operations
            an empty bulk                   | 500 | 0B  | 1 | 500ms | 30s   | 1000KB | bulk-max-size
            no bulk in flight               | 500 | 5MB | 0 | 500ms | 30s   | 1000KB | bulk-concurrency
            a longest wait below the first  | 500 | 5MB | 1 | 10s   | 5s    | 1000KB | retry-max-backoff must be at least retry-initial-backoff
            a dead letter too small to read | 500 | 5MB | 1 | 500ms | 30s   | 10KB   | max-record-size must be between 64KB and 1GB
            a dead letter past the broker   | 500 | 5MB | 1 | 500ms | 30s   | 2GB    | max-record-size must be between 64KB and 1GB
            """)
    void refusesASettingThatCannotWork(String what, int operations, String size, int concurrency, String initial, String max,
            String recordSize, String message) {
        assertThatThrownBy(() -> properties(operations, size, concurrency, initial, max, recordSize))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("newsradar.index.")
                .hasMessageContaining(message);
    }

    private static IndexProperties properties(int operations, String size, int concurrency, String initial, String max,
            String recordSize) {
        return new IndexProperties(operations, DataSize.parse(size), concurrency, Duration.ofSeconds(1), Duration.ofSeconds(60),
                duration(initial), duration(max), DataSize.parse(recordSize), Duration.ofSeconds(30));
    }

    @Test
    void refusesADeadLetterSendTimeoutUnderASecond() {
        assertThatThrownBy(() -> new IndexProperties(500, DataSize.parse("5MB"), 1, Duration.ofSeconds(1), Duration.ofSeconds(60),
                Duration.ofMillis(500), Duration.ofSeconds(30), DataSize.parse("1000KB"), Duration.ofMillis(200)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("newsradar.index.send-timeout must be at least 1s");
    }

    private static Duration duration(String text) {
        return text.endsWith("ms") ? Duration.ofMillis(Long.parseLong(text.replace("ms", "")))
                : Duration.ofSeconds(Long.parseLong(text.replace("s", "")));
    }
}
