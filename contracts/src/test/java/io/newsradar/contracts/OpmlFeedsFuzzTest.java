package io.newsradar.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Duration;

/**
 * Any bytes given as an OPML file end in feeds and problems, or in a declared refusal, and soon: at most
 * {@link OpmlFeeds#MAX_OUTLINES} feeds, however the outlines nest.
 */
class OpmlFeedsFuzzTest {

    private static final Duration BOUND = Duration.ofSeconds(10);

    static {
        // The first document loads the JDK's XML parser: not part of any document's time.
        OpmlFeeds.read("<opml><body/></opml>".getBytes(java.nio.charset.StandardCharsets.UTF_8), "warm-up.opml");
    }

    @FuzzTest(maxDuration = "5s")
    void readsOrRefusesAnyDocumentWithinItsBound(byte[] document) {
        fuzzerTestOneInput(document);
    }

    /** The target, also for a long run by hand through Jazzer's command line (docs/security/input.md). */
    public static void fuzzerTestOneInput(byte[] document) {
        long start = System.nanoTime();
        try {
            OpmlFeeds.Result result = OpmlFeeds.read(document, "fuzz.opml");
            assertThat(result.feeds()).doesNotContainNull().hasSizeLessThanOrEqualTo(OpmlFeeds.MAX_OUTLINES);
            assertThat(result.feeds().stream().map(FeedSpec::feedId).distinct().count()).isEqualTo(result.feeds().size());
            assertThat(result.problems()).allSatisfy(problem -> assertThat(problem).startsWith("outline "));
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).startsWith("fuzz.opml ");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
    }
}
