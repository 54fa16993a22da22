package io.newsradar.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatObject;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.within;

import io.newsradar.ingest.fetch.FetchException.Kind;
import io.newsradar.testsupport.FeedServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.assertj.core.api.ObjectAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link FeedFetcher} against a loopback server: most tests allow private networks, the SSRF tests do not. */
class FeedFetcherTest {

    private static final String USER_AGENT = "newsradar-test/1 (+https://github.com/newsradar)";
    private static final int MB = 1024 * 1024;

    private final FeedServer server = FeedServer.start();
    private final List<FeedFetcher> fetchers = new ArrayList<>();
    private final FeedFetcher fetcher = fetcher(settings(s -> { }));

    @AfterEach
    void stop() {
        fetchers.forEach(FeedFetcher::close);
        server.close();
    }

    // --- polite, conditional GET -------------------------------------------------------------------------------

    @Test
    void sendsItsUserAgentAndAcceptHeadersAndReturnsTheBodyWithItsValidators() throws Exception {
        // Given a feed with validators
        byte[] feed = fixture("feeds/rss2-vi-kinh-te.xml");
        server.route("/rss").body("application/rss+xml; charset=utf-8", feed).etag("\"e1\"")
                .lastModified(Instant.parse("2026-11-20T08:00:00Z"));

        // When it is fetched
        FetchResult result = fetcher.fetch(url("/rss"), null, null);

        // Then the body comes back with what to send next time, and the request was polite
        assertThat(result).isInstanceOfSatisfying(FetchResult.Fetched.class, fetched -> {
            assertThat(fetched.body()).isEqualTo(feed);
            assertThat(fetched.etag()).isEqualTo("\"e1\"");
            assertThat(fetched.lastModified()).isEqualTo("Fri, 20 Nov 2026 08:00:00 GMT");
            assertThat(fetched.contentType()).isEqualTo("application/rss+xml; charset=utf-8");
            assertThat(fetched.finalUrl()).isEqualTo(url("/rss"));
        });
        assertThat(server.requests("/rss")).singleElement().satisfies(request -> {
            assertThat(request.userAgent()).isEqualTo(USER_AGENT);
            assertThat(request.accept()).startsWith("application/rss+xml, application/atom+xml");
            assertThat(request.acceptEncoding()).isEqualTo("gzip, deflate");
            assertThat(request.ifNoneMatch()).isNull();
        });
    }

    @Test
    void sendsTheValidatorsItIsGivenAndReportsNotModifiedWithTheCacheHints() throws Exception {
        // Given a feed that has not changed since our copy
        server.route("/rss").body("application/rss+xml", "<rss/>").etag("\"e1\"").header("Cache-Control", "max-age=300");

        // When it is fetched with our validators
        FetchResult result = fetcher.fetch(url("/rss"), "\"e1\"", "Fri, 20 Nov 2026 08:00:00 GMT");

        // Then the server said 304 and the validators were sent
        assertThat(result).isInstanceOfSatisfying(FetchResult.NotModified.class,
                notModified -> assertThat(notModified.cache().maxAge()).isEqualTo(Duration.ofMinutes(5)));
        assertThat(server.requests("/rss")).singleElement().satisfies(request -> {
            assertThat(request.ifNoneMatch()).isEqualTo("\"e1\"");
            assertThat(request.ifModifiedSince()).isEqualTo("Fri, 20 Nov 2026 08:00:00 GMT");
        });
    }

    @Test
    void asksForHtmlWhenFetchingAnArticlePage() throws Exception {
        byte[] page = fixture("pages/article-vi.html");
        server.route("/a/gunma").body("text/html; charset=utf-8", page);

        FetchResult.Fetched fetched = fetcher.fetchPage(url("/a/gunma"));

        assertThat(fetched.body()).isEqualTo(page);
        assertThat(server.requests("/a/gunma")).singleElement().satisfies(request -> {
            assertThat(request.accept()).startsWith("text/html");
            assertThat(request.userAgent()).isEqualTo(USER_AGENT);
        });
    }

    @Test
    void readsMaxAgeExpiresAndDateIntoTheCacheHints() throws Exception {
        Instant expires = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        server.route("/rss").body("application/rss+xml", "<rss/>")
                .header("Cache-Control", "public, s-maxage=60, max-age=900").header("Expires", httpDate(expires));

        CacheHints cache = fetcher.fetch(url("/rss"), null, null).cache();

        assertThat(cache.maxAge()).isEqualTo(Duration.ofMinutes(15));
        assertThat(cache.expires()).isEqualTo(expires);
        assertThat(cache.date()).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
    }

    @Test
    void takesSMaxAgeWhenThereIsNoMaxAgeAndIgnoresAnInvalidExpires() throws Exception {
        server.route("/rss").body("application/rss+xml", "<rss/>").header("Cache-Control", "s-maxage=\"120\"").header("Expires", "0");

        CacheHints cache = fetcher.fetch(url("/rss"), null, null).cache();

        assertThat(cache.maxAge()).isEqualTo(Duration.ofMinutes(2));
        assertThat(cache.expires()).isNull();
    }

    // --- statuses --------------------------------------------------------------------------------------------------

    @Test
    void callsA429TemporaryWithTheRetryAfterInSeconds() {
        server.route("/rss").status(429).header("Retry-After", "120");

        assertFailure(() -> fetcher.fetch(url("/rss"), null, null), Kind.TEMPORARY,
                url("/rss") + " answered HTTP 429 Too Many Requests; it asks to retry after 120 s")
                .satisfies(e -> {
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(120));
                });
    }

    @Test
    void callsA503TemporaryWithTheRetryAfterGivenAsAnHttpDate() {
        server.route("/rss").status(503).header("Retry-After", httpDate(Instant.now().plusSeconds(90)));

        assertFailure(() -> fetcher.fetch(url("/rss"), null, null), Kind.TEMPORARY,
                url("/rss") + " answered HTTP 503 Service Unavailable; it asks to retry after")
                .satisfies(e -> assertThat(e.retryAfter()).isBetween(Duration.ofSeconds(80), Duration.ofSeconds(91)));
    }

    @ParameterizedTest(name = "HTTP {0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            404 | PERMANENT | Not Found
            410 | PERMANENT | Gone
            403 | PERMANENT | Forbidden
            400 | PERMANENT | Bad Request
            408 | TEMPORARY | Request Timeout
            500 | TEMPORARY | Internal Server Error
            502 | TEMPORARY | Bad Gateway
            503 | TEMPORARY | Service Unavailable
            """)
    void classifiesAnErrorStatusAndNamesTheUrl(int status, Kind kind, String phrase) {
        server.route("/rss").status(status);

        assertFailure(() -> fetcher.fetch(url("/rss"), null, null), kind, url("/rss") + " answered HTTP " + status + " " + phrase)
                .satisfies(e -> {
                    assertThat(e.status()).isEqualTo(status);
                    assertThat(e.retryAfter()).isNull();
                    assertThat(e.getMessage()).isEqualTo(url("/rss") + " answered HTTP " + status + " " + phrase);
                });
    }

    @Test
    void callsAnUnreachableServerTemporary() {
        FeedServer closed = FeedServer.start();
        URI gone = URI.create(closed.url("/rss"));
        closed.close();

        assertFailure(() -> fetcher.fetch(gone, null, null), Kind.TEMPORARY, gone + " could not be reached");
    }

    // --- compressed bodies and size caps --------------------------------------------------------------------------

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
        FeedFetcher limited = fetcher(settings(s -> s.maxDecodedBytes = MB));

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
        FeedFetcher limited = fetcher(settings(s -> s.maxBodyBytes = MB));

        long started = System.nanoTime();
        assertFailure(() -> limited.fetch(url("/huge"), null, null), Kind.REFUSED,
                url("/huge") + " is larger than the 1048576-byte limit (read on the wire)");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void refusesABodyWhoseContentLengthIsOverTheLimitWithoutReadingIt() {
        server.route("/big").body("application/rss+xml", new byte[2 * MB]);
        FeedFetcher limited = fetcher(settings(s -> s.maxBodyBytes = MB));

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
        byte[] once = FeedServer.gzip("<rss/>".getBytes(StandardCharsets.US_ASCII));
        server.route("/nested").encodedBody("application/rss+xml", once, encoding);

        assertFailure(() -> fetcher.fetch(url("/nested"), null, null), Kind.REFUSED,
                url("/nested") + " sent a body with more than 2 content codings in its Content-Encoding");
    }

    @Test
    void undoesTwoGzipCodings() throws Exception {
        byte[] feed = "<rss version=\"2.0\"><channel/></rss>".getBytes(StandardCharsets.US_ASCII);
        server.route("/twice").encodedBody("application/rss+xml", FeedServer.gzip(FeedServer.gzip(feed)), "gzip, gzip");

        FetchResult.Fetched fetched = (FetchResult.Fetched) fetcher.fetch(url("/twice"), null, null);

        assertThat(fetched.body()).isEqualTo(feed);
    }

    @Test
    void refusesAnAnswerWithMoreHeaderFieldsThanTheLimit() {
        // Given a server that pads its answer with 150 header fields, past the default of 100
        FeedServer.Route padded = server.route("/padded").body("application/rss+xml", "<rss/>");
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
        server.route("/long").body("application/rss+xml", "<rss/>").header("X-Long", "x".repeat(20 * 1024));

        assertFailure(() -> fetcher.fetch(url("/long"), null, null), Kind.REFUSED,
                url("/long") + " sent an answer past newsradar's header limits");
    }

    @Test
    void readsAnAnswerWithinTheHeaderLimits() throws Exception {
        FeedServer.Route padded = server.route("/some").body("application/rss+xml", "<rss/>");
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

    // --- time --------------------------------------------------------------------------------------------------

    @Test
    void cutsADrippingServerOffAtTheTotalTimeLimit() {
        // Given a server sending one byte every 200 ms (20 s for the body) and a 1.5 s total limit
        server.route("/drip").drip("application/rss+xml", new byte[100], Duration.ofMillis(200));
        FeedFetcher limited = fetcher(settings(s -> s.totalTimeout = Duration.ofMillis(1500)));

        // When it is fetched, then the fetch ends at the limit, not when the body would
        long started = System.nanoTime();
        assertFailure(() -> limited.fetch(url("/drip"), null, null), Kind.TEMPORARY,
                url("/drip") + " took longer than the 1.5 s total time limit while reading the body");
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(took).isBetween(Duration.ofMillis(1400), Duration.ofSeconds(5));
    }

    @Test
    void cutsASilentServerOffAtTheTotalTimeLimit() {
        server.route("/slow").body("application/rss+xml", "<rss/>").delay(Duration.ofSeconds(6));
        FeedFetcher limited = fetcher(settings(s -> s.totalTimeout = Duration.ofMillis(1500)));

        long started = System.nanoTime();
        assertFailure(() -> limited.fetch(url("/slow"), null, null), Kind.TEMPORARY,
                url("/slow") + " took longer than the 1.5 s total time limit while connecting or waiting for the answer");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void givesUpOnAServerSilentForLongerThanTheReadTimeout() {
        server.route("/slow").body("application/rss+xml", "<rss/>").delay(Duration.ofSeconds(4));
        FeedFetcher impatient = fetcher(settings(s -> s.readTimeout = Duration.ofMillis(500)));

        assertFailure(() -> impatient.fetch(url("/slow"), null, null), Kind.TEMPORARY,
                url("/slow") + " sent nothing for 0.5 s while connecting or waiting for the answer (read timeout)");
    }

    @Test
    void waitsForAFreeConnectionWhenTheHostHasItsMaximumOpen() throws Exception {
        // Given one connection per host, taken by a slow request, and half a second to wait for a free one
        server.route("/slow").body("application/rss+xml", "<rss/>").delay(Duration.ofSeconds(2));
        server.route("/rss").body("application/rss+xml", "<rss/>");
        FeedFetcher single = fetcher(settings(s -> {
            s.maxConnectionsPerHost = 1;
            s.connectTimeout = Duration.ofMillis(500);
        }));
        CompletableFuture<FetchResult> slow = CompletableFuture.supplyAsync(() -> {
            try {
                return single.fetch(url("/slow"), null, null);
            } catch (FetchException e) {
                throw new IllegalStateException(e);
            }
        });
        awaitRequest("/slow");

        // When a second request goes to the same host, then it gets no connection and the server never sees it
        assertFailure(() -> single.fetch(url("/rss"), null, null), Kind.TEMPORARY,
                url("/rss") + " found no free connection within 0.5 s (at most 1 per host and 10 in all are open at once)");
        assertThat(server.requests("/rss")).isEmpty();
        assertThat(slow.get()).isInstanceOf(FetchResult.Fetched.class);
    }

    // --- redirects ---------------------------------------------------------------------------------------------

    @Test
    void followsARedirectChainAndReportsTheFinalUrl() throws Exception {
        // Given /old → (relative) new → /feeds/rss?v=2, through 301, 302 and 308
        server.route("/old").redirect(301, "new");
        server.route("/new").redirect(302, "/feeds/rss?v=2");
        server.route("/feeds/rss").body("application/rss+xml", "<rss/>");

        FetchResult result = fetcher.fetch(url("/old"), "\"e1\"", null);

        assertThat(result).isInstanceOfSatisfying(FetchResult.Fetched.class, fetched -> {
            assertThat(fetched.finalUrl()).isEqualTo(url("/feeds/rss?v=2"));
            assertThat(new String(fetched.body(), StandardCharsets.UTF_8)).isEqualTo("<rss/>");
        });
        assertThat(server.requests("/feeds/rss")).singleElement().satisfies(request -> {
            assertThat(request.userAgent()).isEqualTo(USER_AGENT);
            assertThat(request.ifNoneMatch()).isEqualTo("\"e1\"");
        });
    }

    @Test
    void detectsARedirectLoop() {
        server.route("/a").redirect(302, "/b");
        server.route("/b").redirect(301, url("/a").toString());

        assertFailure(() -> fetcher.fetch(url("/a"), null, null), Kind.REFUSED,
                url("/a") + " redirects in a loop: " + url("/a") + " → " + url("/b") + " → " + url("/a"));
        assertThat(server.requests("/a")).hasSize(1);
    }

    @Test
    void followsFiveRedirectsButRefusesASixth() throws Exception {
        // Given /r0 → … → /r5 (five redirects) and /s0 → … → /s6 (six)
        for (int i = 0; i < 5; i++) {
            server.route("/r" + i).redirect(307, "/r" + (i + 1));
        }
        server.route("/r5").body("application/rss+xml", "<rss/>");
        for (int i = 0; i < 6; i++) {
            server.route("/s" + i).redirect(302, "/s" + (i + 1));
        }
        server.route("/s6").body("application/rss+xml", "<rss/>");

        assertThat(fetcher.fetch(url("/r0"), null, null)).isInstanceOfSatisfying(FetchResult.Fetched.class,
                fetched -> assertThat(fetched.finalUrl()).isEqualTo(url("/r5")));
        assertFailure(() -> fetcher.fetch(url("/s0"), null, null), Kind.REFUSED,
                url("/s0") + " redirected more than 5 times: " + url("/s0") + " → " + url("/s1"))
                .satisfies(e -> assertThat(e.getMessage()).endsWith(url("/s5") + " → " + url("/s6")));
        assertThat(server.requests("/s6")).isEmpty();
    }

    @Test
    void callsARedirectWithoutLocationPermanent() {
        server.route("/moved").status(302);

        assertFailure(() -> fetcher.fetch(url("/moved"), null, null), Kind.PERMANENT,
                url("/moved") + " answered HTTP 302 Moved Temporarily without a Location header");
    }

    // --- where it may connect (SSRF) ------------------------------------------------------------------------------

    @Test
    void refusesLoopbackWhenPrivateNetworksAreNotAllowedAndSendsNoRequest() {
        server.route("/rss").body("application/rss+xml", "<rss/>");
        FeedFetcher publicOnly = fetcher(settings(s -> s.allowPrivateNetworks = false));

        assertFailure(() -> publicOnly.fetch(url("/rss"), null, null), Kind.REFUSED,
                url("/rss") + " refused: 127.0.0.1 is a loopback address (set newsradar.ingest.fetch.allow-private-networks to allow it)");
        assertThat(server.requests("/rss")).isEmpty();
    }

    @Test
    void refusesANameThatResolvesToLoopbackAndSendsNoRequest() {
        server.route("/rss").body("application/rss+xml", "<rss/>");
        FeedFetcher publicOnly = fetcher(settings(s -> s.allowPrivateNetworks = false));
        URI byName = URI.create(url("/rss").toString().replace("127.0.0.1", "localhost"));

        assertFailure(() -> publicOnly.fetch(byName, null, null), Kind.REFUSED, byName + " refused: localhost resolves to ")
                .satisfies(e -> assertThat(e.getMessage()).contains("is a loopback address"));
        assertThat(server.requests("/rss")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            2130706433
            0x7f000001
            0177.0.0.1
            127.1
            """)
    void refusesLoopbackWrittenAsANumberAndSendsNoRequest(String host) {
        server.route("/rss").body("application/rss+xml", "<rss/>");
        FeedFetcher publicOnly = fetcher(settings(s -> s.allowPrivateNetworks = false));
        URI numeric = URI.create(url("/rss").toString().replace("127.0.0.1", host));

        assertFailure(() -> publicOnly.fetch(numeric, null, null), Kind.REFUSED,
                numeric + " refused: host " + host + " is 127.0.0.1 written as a number; 127.0.0.1 is a loopback address");
        assertThat(server.requests("/rss")).isEmpty();
    }

    @Test
    void refusesAnAllowedAddressWrittenAsANumberRatherThanPassItOn() {
        server.route("/rss").body("application/rss+xml", "<rss/>");
        URI numeric = URI.create(url("/rss").toString().replace("127.0.0.1", "2130706433"));

        assertFailure(() -> fetcher.fetch(numeric, null, null), Kind.PERMANENT,
                numeric + ": host 2130706433 is 127.0.0.1 written as a number; newsradar fetches an IPv4 host only in dotted decimal");
        assertThat(server.requests("/rss")).isEmpty();
    }

    @Test
    void refusesARedirectToTheCloudMetadataAddressEvenWithPrivateNetworksAllowed() {
        server.route("/rss").redirect(302, "http://169.254.169.254/latest/meta-data");

        assertFailure(() -> fetcher.fetch(url("/rss"), null, null), Kind.REFUSED,
                url("/rss") + " redirected to http://169.254.169.254/latest/meta-data refused: "
                        + "169.254.169.254 is a link-local address (where cloud metadata services answer)");
        assertThat(server.requests("/rss")).hasSize(1);
    }

    @Test
    void refusesARedirectToAnIpv4MappedLoopbackWhenPrivateNetworksAreNotAllowed() {
        // The loopback server cannot be reached when loopback is refused, so the redirect is checked as the policy would
        FeedFetcher publicOnly = fetcher(settings(s -> s.allowPrivateNetworks = false));
        URI mapped = URI.create("http://[::ffff:127.0.0.1]:" + url("/").getPort() + "/rss");

        assertFailure(() -> publicOnly.fetch(mapped, null, null), Kind.REFUSED, mapped + " refused: ")
                .satisfies(e -> assertThat(e.getMessage()).contains("127.0.0.1 is a loopback address"));
        assertThat(server.requests("/rss")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            ftp://example.com/feed.xml
            file:///etc/passwd
            gopher://127.0.0.1:70/_x
            """)
    void refusesSchemesOtherThanHttpAsPermanent(String url) {
        assertFailure(() -> fetcher.fetch(URI.create(url), null, null), Kind.PERMANENT,
                url + ", which is not an http or https URL");
    }

    @Test
    void refusesARedirectToAFileUrl() {
        server.route("/rss").redirect(301, "file:///etc/passwd");

        assertFailure(() -> fetcher.fetch(url("/rss"), null, null), Kind.PERMANENT,
                url("/rss") + " redirected to file:///etc/passwd, which is not an http or https URL");
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private URI url(String path) {
        return URI.create(server.url(path));
    }

    private FeedFetcher fetcher(FetchSettings settings) {
        FeedFetcher created = new FeedFetcher(settings);
        fetchers.add(created);
        return created;
    }

    /** Test settings: private networks allowed, generous limits unless a test narrows one. */
    private static FetchSettings settings(Consumer<MutableSettings> change) {
        MutableSettings s = new MutableSettings();
        change.accept(s);
        return new FetchSettings(USER_AGENT, s.connectTimeout, s.readTimeout, s.totalTimeout, s.maxBodyBytes,
                s.maxDecodedBytes, 5, s.allowPrivateNetworks, s.maxConnectionsPerHost, 10);
    }

    private static final class MutableSettings {
        Duration connectTimeout = Duration.ofSeconds(2);
        Duration readTimeout = Duration.ofSeconds(5);
        Duration totalTimeout = Duration.ofSeconds(10);
        long maxBodyBytes = 10L * MB;
        long maxDecodedBytes = 10L * MB;
        boolean allowPrivateNetworks = true;
        int maxConnectionsPerHost = 2;
    }

    private static ObjectAssert<FetchException> assertFailure(ThrowingCallable fetch, Kind kind, String messageStart) {
        Throwable thrown = catchThrowable(fetch);
        assertThat(thrown).isInstanceOf(FetchException.class);
        FetchException failure = (FetchException) thrown;
        assertThat(failure.getMessage()).startsWith(messageStart);
        assertThat(failure.kind()).as("kind of: %s", failure.getMessage()).isEqualTo(kind);
        assertThat(failure.isTemporary()).isEqualTo(kind == Kind.TEMPORARY);
        return assertThatObject(failure);
    }

    private void awaitRequest(String path) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (server.requests(path).isEmpty() && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertThat(server.requests(path)).as("requests to %s", path).isNotEmpty();
    }

    private static byte[] fixture(String name) {
        try (InputStream in = FeedFetcherTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as("fixture %s", name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String httpDate(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }
}
