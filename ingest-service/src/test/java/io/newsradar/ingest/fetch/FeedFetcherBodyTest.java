package io.newsradar.ingest.fetch;

import static io.newsradar.ingest.fetch.LoopbackFetching.EMPTY_FEED;
import static io.newsradar.ingest.fetch.LoopbackFetching.MB;
import static io.newsradar.ingest.fetch.LoopbackFetching.assertFailure;
import static io.newsradar.ingest.fetch.LoopbackFetching.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsradar.ingest.fetch.FetchException.Kind;
import io.newsradar.testsupport.FeedServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What {@link FeedFetcher} reads of an answer: content codings undone or refused, body and header limits, errors masked. */
class FeedFetcherBodyTest {

    @RegisterExtension
    final LoopbackFetching loopback = new LoopbackFetching();
    private final FeedServer server = loopback.server;
    private final FeedFetcher fetcher = loopback.fetcher(s -> { });

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            gzip
            deflate
            raw deflate
            """)
    void decodesACompressedBody(String coding) throws Exception {
        // Given a feed sent compressed
        byte[] feed = fixture("feeds/atom-fr-monde.xml");
        byte[] encoded = switch (coding) {
            case "gzip" -> FeedServer.gzip(feed);
            case "deflate" -> FeedServer.deflate(feed, false);
            default -> FeedServer.deflate(feed, true);
        };
        server.route("/atom").encodedBody("application/atom+xml", encoded, coding.equals("gzip") ? "gzip" : "deflate");

        // When it is fetched, then it comes back decoded
        FetchResult result = fetcher.fetch(url("/atom"), null, null);

        assertThat(encoded).hasSizeLessThan(feed.length);
        assertThat(result).isInstanceOfSatisfying(FetchResult.Fetched.class, fetched -> assertThat(fetched.body()).isEqualTo(feed));
    }

    @Test
    void cutsAGzipBombOffAtTheDecodedLimit() {
        // Given 256 MB of zeros gzipped to about 250 KB, and a 1 MB limit on decoded bodies
        byte[] bomb = FeedServer.gzipOfZeros(256L * MB);
        server.route("/bomb").encodedBody("application/rss+xml", bomb, "gzip");
        FeedFetcher limited = loopback.fetcher(s -> s.maxDecodedBytes = MB);

        // When it is fetched, then it is refused at the decoded limit, quickly
        long started = System.nanoTime();
        assertFailure(() -> limited.fetch(url("/bomb"), null, null), Kind.REFUSED,
                url("/bomb") + " is larger than the 1048576-byte limit after decompression (gzip)");
        assertThat(bomb.length).isLessThan(MB);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void cutsAHundredMegabyteBodyOffAtTheWireLimitWhileStreaming() {
        server.route("/huge").hugeBody("application/rss+xml", 100L * MB);
        FeedFetcher limited = loopback.fetcher(s -> s.maxBodyBytes = MB);

        long started = System.nanoTime();
        assertFailure(() -> limited.fetch(url("/huge"), null, null), Kind.REFUSED,
                url("/huge") + " is larger than the 1048576-byte limit (read on the wire)");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void refusesABodyWhoseContentLengthIsOverTheLimitWithoutReadingIt() {
        server.route("/big").body("application/rss+xml", new byte[2 * MB]);
        FeedFetcher limited = loopback.fetcher(s -> s.maxBodyBytes = MB);

        assertFailure(() -> limited.fetch(url("/big"), null, null), Kind.REFUSED,
                url("/big") + " is larger than the 1048576-byte limit (Content-Length 2097152)");
    }

    @Test
    void refusesAContentEncodingItDidNotAskFor() {
        server.route("/br").encodedBody("application/rss+xml", new byte[] {1, 2, 3}, "br");

        assertFailure(() -> fetcher.fetch(url("/br"), null, null), Kind.PERMANENT,
                url("/br") + " sent a body with Content-Encoding br, which newsradar does not decode");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gzip, gzip, gzip", "gzip,deflate,gzip", "x-gzip, gzip, identity, deflate", "deflate, deflate, deflate, deflate"})
    void refusesMoreThanTwoContentCodingsBeforeDecodingAnything(String encoding) throws Exception {
        byte[] once = FeedServer.gzip(EMPTY_FEED);
        server.route("/nested").encodedBody("application/rss+xml", once, encoding);

        assertFailure(() -> fetcher.fetch(url("/nested"), null, null), Kind.REFUSED,
                url("/nested") + " sent a body with more than 2 content codings in its Content-Encoding");
    }

    @Test
    void undoesTwoGzipCodings() throws Exception {
        server.route("/twice").encodedBody("application/rss+xml", FeedServer.gzip(FeedServer.gzip(EMPTY_FEED)), "gzip, gzip");

        FetchResult.Fetched fetched = (FetchResult.Fetched) fetcher.fetch(url("/twice"), null, null);

        assertThat(fetched.body()).isEqualTo(EMPTY_FEED);
    }

    @Test
    void refusesAnAnswerWithMoreHeaderFieldsThanTheLimit() {
        // Given a server that pads its answer with 150 header fields, past the default of 100
        FeedServer.Route padded = server.route("/padded").body("application/rss+xml", EMPTY_FEED);
        for (int i = 0; i < 150; i++) {
            padded.header("X-Pad-" + i, "v");
        }

        // Then the answer is refused, naming the limit and its setting
        assertFailure(() -> fetcher.fetch(url("/padded"), null, null), Kind.REFUSED,
                url("/padded") + " sent an answer past newsradar's header limits (at most 100 header fields")
                .satisfies(failure -> assertThat(failure.getMessage()).contains("fetch.max-header-count"));
    }

    @Test
    void refusesAHeaderLineLongerThanTheLimit() {
        // Given one header line of 20 KB, past the default of 8 KB a line
        server.route("/long").body("application/rss+xml", EMPTY_FEED).header("X-Long", "x".repeat(20 * 1024));

        assertFailure(() -> fetcher.fetch(url("/long"), null, null), Kind.REFUSED,
                url("/long") + " sent an answer past newsradar's header limits");
    }

    @Test
    void readsAnAnswerWithinTheHeaderLimits() throws Exception {
        FeedServer.Route padded = server.route("/some").body("application/rss+xml", EMPTY_FEED);
        for (int i = 0; i < 40; i++) {
            padded.header("X-Pad-" + i, "v".repeat(100));
        }

        assertThat(fetcher.fetch(url("/some"), null, null)).isInstanceOf(FetchResult.Fetched.class);
    }

    @Test
    void masksTheUserinfoPasswordInEveryFetchError() {
        URI withPassword = URI.create(url("/gone").toString().replace("://", "://reader:s3cret-pass@"));
        server.route("/gone").status(410);

        assertThatThrownBy(() -> fetcher.fetch(withPassword, null, null))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("reader:***@")
                .hasMessageNotContaining("s3cret-pass");
    }

    @Test
    void callsACorruptGzipBodyPermanent() {
        server.route("/bad").encodedBody("application/rss+xml", "not gzip at all".getBytes(StandardCharsets.US_ASCII), "gzip");

        assertFailure(() -> fetcher.fetch(url("/bad"), null, null), Kind.PERMANENT,
                url("/bad") + " sent a body that cannot be decoded (gzip)");
    }

    private URI url(String path) {
        return loopback.url(path);
    }
}
