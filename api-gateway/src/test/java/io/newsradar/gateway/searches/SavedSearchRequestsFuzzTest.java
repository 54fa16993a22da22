package io.newsradar.gateway.searches;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.newsradar.gateway.search.KnownCodes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Any bytes sent as a saved search to {@code POST} or {@code PUT /api/v1/searches} end in a search or a 400 whose
 * message names the field it names, and soon.
 */
class SavedSearchRequestsFuzzTest {

    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final KnownCodes CODES = KnownCodes.load(null);

    static {
        // The first body loads Jackson and the codes: not part of any input's time.
        SavedSearchRequests.read("{\"name\": \"warm\", \"query\": {\"region\": \"VN-54\"}}".getBytes(StandardCharsets.UTF_8), false, CODES);
    }

    @FuzzTest(maxDuration = "5s")
    void readsOrRefusesAnyBody(byte[] body) {
        fuzzerTestOneInput(body);
    }

    /** The target, also for a long run by hand through Jazzer's command line (docs/security/input.md). */
    public static void fuzzerTestOneInput(byte[] body) {
        long start = System.nanoTime();
        for (boolean replacing : new boolean[] {false, true}) {
            try {
                SavedSearchRequest request = SavedSearchRequests.read(body, replacing, CODES);
                assertThat(request.name()).isNotBlank();
                if (request.webhook() != null) {
                    assertThat(request.webhook().url()).matches("(?i)https?://.+");
                }
            } catch (InvalidSearchException refused) {
                assertThat(refused.getMessage()).isNotBlank();
                if (refused.field() != null) {
                    assertThat(refused.getMessage()).contains(refused.field());
                }
            }
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
    }
}
