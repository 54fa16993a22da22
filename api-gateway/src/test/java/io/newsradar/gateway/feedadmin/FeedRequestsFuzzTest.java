package io.newsradar.gateway.feedadmin;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.newsradar.contracts.FeedSpec;
import java.time.Duration;
import java.util.Set;

/** Any bytes sent as a feed to {@code POST} or {@code PUT /api/v1/feeds} end in a feed or a 400 naming its field, and soon. */
class FeedRequestsFuzzTest {

    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final Set<String> FIELDS = Set.of("schemaVersion", "feedId", "url", "title", "languageHint",
            "pollInterval", "fetchFullArticle", "enabled");

    static {
        // The first body loads Jackson and the feed's validation: not part of any input's time.
        FeedRequests.spec("{\"feedId\": \"warm\", \"url\": \"https://e.example/r\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8), null);
    }

    @FuzzTest(maxDuration = "5s")
    void readsOrRefusesAnyBody(byte[] body) {
        fuzzerTestOneInput(body);
    }

    /** The target, also for a long run by hand through Jazzer's command line (docs/security/input.md). */
    public static void fuzzerTestOneInput(byte[] body) {
        long start = System.nanoTime();
        for (String pathId : new String[] {null, "from-path"}) {
            try {
                FeedSpec spec = FeedRequests.spec(body, pathId);
                assertThat(spec.feedId()).isNotBlank();
                if (pathId != null) {
                    assertThat(spec.feedId()).isEqualTo(pathId);
                }
            } catch (InvalidFeedException refused) {
                assertThat(refused.getMessage()).isNotBlank();
                if (refused.field() != null && !refused.getMessage().startsWith("the body is not valid JSON in ")) {
                    assertThat(refused.field()).isIn(FIELDS);
                }
            }
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
    }
}
