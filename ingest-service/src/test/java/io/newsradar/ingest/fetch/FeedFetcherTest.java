package io.newsradar.ingest.fetch;

import static io.newsradar.ingest.fetch.LoopbackFetching.EMPTY_FEED;
import static io.newsradar.ingest.fetch.LoopbackFetching.USER_AGENT;
import static io.newsradar.ingest.fetch.LoopbackFetching.assertFailure;
import static io.newsradar.ingest.fetch.LoopbackFetching.fixture;
import static io.newsradar.ingest.fetch.LoopbackFetching.httpDate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.newsradar.ingest.fetch.FetchException.Kind;
import io.newsradar.testsupport.FeedServer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link FeedFetcher}'s requests and what it makes of the answer's status, against a loopback server: a polite,
 * conditional GET, the cache hints, and which failures are temporary. Bodies, time, redirects and addresses have
 * tests of their own ({@code FeedFetcher*Test}).
 */
class FeedFetcherTest {

    @RegisterExtension
    final LoopbackFetching loopback = new LoopbackFetching();
    private final FeedServer server = loopback.server;
    private final FeedFetcher fetcher = loopback.fetcher(s -> { });

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
        server.route("/rss").body("application/rss+xml", EMPTY_FEED).etag("\"e1\"").header("Cache-Control", "max-age=300");

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
        server.route("/rss").body("application/rss+xml", EMPTY_FEED)
                .header("Cache-Control", "public, s-maxage=60, max-age=900").header("Expires", httpDate(expires));

        CacheHints cache = fetcher.fetch(url("/rss"), null, null).cache();

        assertThat(cache.maxAge()).isEqualTo(Duration.ofMinutes(15));
        assertThat(cache.expires()).isEqualTo(expires);
        assertThat(cache.date()).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
    }

    @Test
    void takesSMaxAgeWhenThereIsNoMaxAgeAndIgnoresAnInvalidExpires() throws Exception {
        server.route("/rss").body("application/rss+xml", EMPTY_FEED).header("Cache-Control", "s-maxage=\"120\"").header("Expires", "0");

        CacheHints cache = fetcher.fetch(url("/rss"), null, null).cache();

        assertThat(cache.maxAge()).isEqualTo(Duration.ofMinutes(2));
        assertThat(cache.expires()).isNull();
    }

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

    private URI url(String path) {
        return loopback.url(path);
    }
}
