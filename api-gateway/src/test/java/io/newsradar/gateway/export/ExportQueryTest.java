package io.newsradar.gateway.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsradar.gateway.search.InvalidQueryException;
import io.newsradar.gateway.search.KnownCodes;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

class ExportQueryTest {

    private static final KnownCodes CODES = KnownCodes.load(null);
    private static final Duration SPAN = Duration.ofDays(366);

    @Test
    void takesTheFiltersOfTheArticleListAndStartsFromTheLongestSpanBeforeTo() {
        ExportQuery query = ExportQuery.of(parameters("pair=vn-jp&topic=labour&region=VN-54&to=2026-12-01"), CODES, SPAN);

        assertThat(query.filters().pairs()).containsExactly("JP-VN");
        assertThat(query.filters().topics()).containsExactly("labour");
        assertThat(query.filters().regions()).containsExactly("VN-54");
        assertThat(query.filters().to()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(query.filters().from()).isEqualTo(Instant.parse("2025-11-30T00:00:00Z"));
        assertThat(query.after()).isNull();
    }

    @Test
    void keepsAFromWithinTheSpanAndTheResumePointAndFormat() {
        ExportQuery query = ExportQuery.of(parameters("from=2026-01-01&to=2026-12-01&after=Xb2Jw0q4sV1mK8pT3nR7aQ&format=csv"), CODES, SPAN);

        assertThat(query.filters().from()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(query.after()).isEqualTo("Xb2Jw0q4sV1mK8pT3nR7aQ");
        assertThat(query.format()).isEqualTo("csv");
    }

    @Test
    void aSpanReachingBeforeTheFirstDateStartsThere() {
        ExportQuery query = ExportQuery.of(parameters("to=0001-06-01"), CODES, SPAN);

        assertThat(query.filters().from()).isEqualTo(Instant.parse("0001-01-01T00:00:00Z"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no to                  | pair=JP-VN                                   | to
            span past the longest  | from=2025-01-01&to=2026-12-01                | from
            from after to          | from=2026-12-02&to=2026-12-01                | from
            after not an id        | to=2026-12-01&after=../../etc                | after
            after twice            | to=2026-12-01&after=Xb2Jw0q4sV1mK8pT3nR7aQ&after=Xb2Jw0q4sV1mK8pT3nR7aQ | after
            format twice           | to=2026-12-01&format=csv&format=csv          | format
            a page's size          | to=2026-12-01&size=10                        | size
            a page's cursor        | to=2026-12-01&cursor=abc                     | cursor
            an order               | to=2026-12-01&sort=relevance&q=aid           | sort
            a code it does not know| to=2026-12-01&region=VN-999                  | region
            """)
    void refusesNamingTheParameter(String name, String query, String parameter) {
        assertThatThrownBy(() -> ExportQuery.of(parameters(query), CODES, SPAN)).as(name)
                .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.parameter()).isEqualTo(parameter));
    }

    private static MultiValueMap<String, String> parameters(String query) {
        return new LinkedMultiValueMap<>(UriComponentsBuilder.fromUriString("/?" + query).build().getQueryParams());
    }
}
