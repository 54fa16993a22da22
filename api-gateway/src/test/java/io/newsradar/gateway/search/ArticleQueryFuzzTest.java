package io.newsradar.gateway.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Any query string given to the article routes ends in a query (and a decoded cursor), or in an
 * {@link InvalidQueryException} naming one of the parameters given, and soon. The input is the query string itself,
 * split and decoded as the server does; a {@code signed=} parameter's value is signed with the gateway's key and
 * decoded as a cursor, so the checks behind the signature are fuzzed too.
 */
class ArticleQueryFuzzTest {

    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final CursorKey KEY = CursorKey.of("the key the fuzz target signs its cursors with");
    private static final KnownCodes CODES = KnownCodes.load(null);

    static {
        // The first query loads the Elasticsearch client's builders and Jackson: not part of any input's time.
        exercise("q=warm&from=2026-01-01&to=2026-02-01&cursor=eyJwIjoiIn0.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
                + "&signed={\"p\":\"\",\"f\":\"0123456789abcdef\",\"a\":[1,\"AAAAAAAAAAAAAAAAAAAAAA\"]}");
    }

    @FuzzTest(maxDuration = "5s")
    void parsesOrRefusesAnyQueryString(byte[] input) {
        fuzzerTestOneInput(input);
    }

    /** The target, also for a long run by hand through Jazzer's command line (docs/security/input.md). */
    public static void fuzzerTestOneInput(byte[] input) {
        long start = System.nanoTime();
        exercise(new String(input, StandardCharsets.UTF_8));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
    }

    private static void exercise(String input) {
        MultiValueMap<String, String> parameters = parameters(input);
        String signed = parameters.getFirst("signed");
        parameters.remove("signed");
        try {
            ArticleQuery query = ArticleQuery.from(parameters, 20, 100, CODES);
            ArticleSearch.toQuery(query, CODES);
            if (query.cursor() != null) {
                Cursor.decode(query.cursor(), KEY, query.sort());
            }
            if (query.from() != null && query.to() != null) {
                HistogramPlan plan = HistogramPlan.of(CalendarInterval.Hour, query.from(), query.to(), 1000);
                assertThat(plan.from()).isBetween(query.from(), query.to());
            }
        } catch (InvalidQueryException refused) {
            assertThat(refused.parameter()).isIn(parameters.keySet());
            assertThat(refused.getMessage()).isNotBlank();
        }
        if (signed != null) {
            signedCursor(signed);
        }
        try {
            ArticleQuery.filters(parameters, CODES, Set.of("interval"));
        } catch (InvalidQueryException refused) {
            assertThat(refused.parameter()).isIn(parameters.keySet());
        }
    }

    /** A payload the gateway's key signed: past the signature, every part is still checked. */
    private static void signedCursor(String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        java.util.Base64.Encoder base64 = java.util.Base64.getUrlEncoder().withoutPadding();
        String cursor = base64.encodeToString(bytes) + "." + base64.encodeToString(KEY.sign(bytes));
        for (ArticleQuery.Sort sort : ArticleQuery.Sort.values()) {
            try {
                Cursor decoded = Cursor.decode(cursor, KEY, sort);
                assertThat(decoded.after()).hasSize(sort == ArticleQuery.Sort.RELEVANCE ? 3 : 2);
                assertThat(Instant.ofEpochMilli(decoded.after().get(sort == ArticleQuery.Sort.RELEVANCE ? 1 : 0).longValue())).isNotNull();
            } catch (InvalidQueryException refused) {
                assertThat(refused.parameter()).isEqualTo("cursor");
            }
        }
    }

    /** The query string's parameters as the server reads them: split on {@code &} and the first {@code =}, decoded. */
    private static MultiValueMap<String, String> parameters(String query) {
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            parameters.add(decode(equals < 0 ? pair : pair.substring(0, equals)), equals < 0 ? "" : decode(pair.substring(equals + 1)));
        }
        return parameters;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
