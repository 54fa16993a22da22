package io.newsradar.gateway.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HistogramPlanTest {

    @ParameterizedTest(name = "{0} from {1} to {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            Hour | 2026-11-01T00:00:00Z | 2026-11-02T00:00:00Z | Hour    | false
            Day  | 2026-11-01T00:00:00Z | 2026-12-01T00:00:00Z | Day     | false
            Hour | 2026-01-01T00:00:00Z | 2026-12-31T00:00:00Z | Day     | false
            Day  | 2015-01-01T00:00:00Z | 2026-12-31T00:00:00Z | Week    | false
            Day  | 2000-01-01T00:00:00Z | 2026-12-31T00:00:00Z | Month   | false
            Day  | 1900-01-01T00:00:00Z | 2026-12-31T00:00:00Z | Quarter | false
            Week | 1700-01-01T00:00:00Z | 2026-12-31T00:00:00Z | Year    | false
            Day  | 0001-01-01T00:00:00Z | 9999-12-31T00:00:00Z | Year    | true
            Day  | 2026-11-01T00:00:00Z | 2026-11-01T00:00:00Z | Day     | false
            """)
    void widensTheIntervalUntilTheBucketsFit(CalendarInterval asked, Instant from, Instant to, CalendarInterval expected, boolean cut) {
        HistogramPlan plan = HistogramPlan.of(asked, from, to, 1000);

        assertThat(plan.interval()).isEqualTo(expected);
        assertThat(plan.cut()).isEqualTo(cut);
        assertThat(plan.to()).isEqualTo(to);
        if (cut) {
            assertThat(plan.from()).isEqualTo(Instant.parse("9001-12-31T00:00:00Z"));
        } else {
            assertThat(plan.from()).isEqualTo(from);
        }
    }
}
