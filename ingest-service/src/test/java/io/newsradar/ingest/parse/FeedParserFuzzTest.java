package io.newsradar.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.URI;
import java.time.Duration;

/**
 * Any bytes, under any of the content types feeds are served with, end in a parsed feed within the parser's limits or
 * in a {@link FeedParseException} that names the document, and within the time bound: never another exception, a
 * stack overflow or a hang.
 */
class FeedParserFuzzTest {

    private static final URI SOURCE = URI.create("https://fuzz.example/feed");
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final int MAX_ITEMS = 50;
    private static final FeedParser PARSER = new FeedParser(new FeedParser.Limits(TIMEOUT, 64, MAX_ITEMS));
    private static final String[] CONTENT_TYPES = {null, "application/rss+xml", "application/atom+xml; charset=utf-8",
            "text/xml; charset=windows-1252", "application/feed+json", "text/html; charset=shift_jis", "application/json"};

    @FuzzTest(maxDuration = "5s")
    void parsesOrRefusesAnyDocument(byte[] document) {
        fuzzerTestOneInput(document);
    }

    /** The target, also for a long run by hand: {@code bench/fuzz/run ingest-service <this class> SECONDS}. */
    public static void fuzzerTestOneInput(byte[] document) {
        String contentType = document.length == 0 ? null : CONTENT_TYPES[(document[document.length - 1] & 0xFF) % CONTENT_TYPES.length];
        long start = System.nanoTime();
        try {
            ParsedFeed feed = PARSER.parse(SOURCE, document, contentType);
            assertThat(feed.items()).hasSizeLessThanOrEqualTo(MAX_ITEMS).doesNotContainNull();
            assertThat(feed.itemsInDocument()).isGreaterThanOrEqualTo(feed.items().size());
            for (FeedItem item : feed.items()) {
                assertThat(item.title()).isNotNull();
                assertThat(item.summary()).isNotNull();
                assertThat(item.content()).isNotNull();
                assertThat(item.categories()).doesNotContainNull();
            }
        } catch (FeedParseException refused) {
            assertThat(refused.getMessage()).startsWith(SOURCE.toString());
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT.multipliedBy(3));
    }
}
