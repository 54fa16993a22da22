package io.newsradar.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Duration;

/** Any bytes given as an OPML file end in feeds and problems, or in a declared refusal, and soon. */
class OpmlFeedsFuzzTest {

    private static final Duration BOUND = Duration.ofSeconds(2);

    @FuzzTest(maxDuration = "10s")
    void readsOrRefusesAnyDocumentWithinItsBound(byte[] document) {
        fuzzerTestOneInput(document);
    }

    /** The target, also for a long run by hand through Jazzer's command line (docs/security.md). */
    public static void fuzzerTestOneInput(byte[] document) {
        long start = System.nanoTime();
        try {
            OpmlFeeds.Result result = OpmlFeeds.read(document, "fuzz.opml");
            assertThat(result.feeds()).doesNotContainNull();
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).startsWith("fuzz.opml ");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
    }
}
