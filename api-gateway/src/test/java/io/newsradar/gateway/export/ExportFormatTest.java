package io.newsradar.gateway.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsradar.gateway.search.InvalidQueryException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.server.NotAcceptableStatusException;

class ExportFormatTest {

    @ParameterizedTest(name = "Accept: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                                   | NDJSON
            */*                                  | NDJSON
            application/x-ndjson                 | NDJSON
            text/csv                             | CSV
            text/*                               | CSV
            text/csv;charset=UTF-8               | CSV
            application/json, text/csv           | CSV
            application/x-ndjson;q=0.5, text/csv | CSV
            text/csv;q=0.2, */*;q=0.9            | NDJSON
            text/csv;q=0, */*                    | NDJSON
            """)
    void followsTheAcceptHeaderByQuality(String accept, ExportFormat expected) {
        assertThat(ExportFormat.of(null, MediaType.parseMediaTypes(accept))).isEqualTo(expected);
    }

    @Test
    void theFormatParameterWinsOverAccept() {
        assertThat(ExportFormat.of("csv", List.of(MediaType.APPLICATION_NDJSON))).isEqualTo(ExportFormat.CSV);
        assertThat(ExportFormat.of("ndjson", List.of(MediaType.TEXT_PLAIN))).isEqualTo(ExportFormat.NDJSON);
    }

    @Test
    void refusesAFormatItCannotWrite() {
        assertThatThrownBy(() -> ExportFormat.of("xlsx", List.of()))
                .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.parameter()).isEqualTo("format"));
        assertThatThrownBy(() -> ExportFormat.of(null, List.of(MediaType.APPLICATION_JSON, MediaType.TEXT_HTML)))
                .isInstanceOf(NotAcceptableStatusException.class);
    }

    @Test
    void csvIsDeclaredUtf8() {
        assertThat(ExportFormat.CSV.mediaType().toString()).isEqualTo("text/csv;charset=UTF-8");
    }
}
