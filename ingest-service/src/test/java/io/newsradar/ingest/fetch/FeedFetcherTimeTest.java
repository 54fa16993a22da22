package io.newsradar.ingest.fetch;

import static io.newsradar.ingest.fetch.LoopbackFetching.EMPTY_FEED;
import static io.newsradar.ingest.fetch.LoopbackFetching.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.ingest.fetch.FetchException.Kind;
import io.newsradar.testsupport.FeedServer;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** How long {@link FeedFetcher} waits: the total time limit, the read timeout, and a free connection to the host. */
class FeedFetcherTimeTest {

    @RegisterExtension
    final LoopbackFetching loopback = new LoopbackFetching();
    private final FeedServer server = loopback.server;

    @Test
    void cutsADrippingServerOffAtTheTotalTimeLimit() {
        // Given a server sending one byte every 200 ms (20 s for the body) and a 1.5 s total limit
        server.route("/drip").drip("application/rss+xml", new byte[100], Duration.ofMillis(200));
        FeedFetcher limited = loopback.fetcher(s -> s.totalTimeout = Duration.ofMillis(1500));

        // When it is fetched, then the fetch ends at the limit, not when the body would
        long started = System.nanoTime();
        assertFailure(() -> limited.fetch(url("/drip"), null, null), Kind.TEMPORARY,
                url("/drip") + " took longer than the 1.5 s total time limit while reading the body");
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(took).isBetween(Duration.ofMillis(1400), Duration.ofSeconds(5));
    }

    @Test
    void cutsASilentServerOffAtTheTotalTimeLimit() {
        server.route("/slow").body("application/rss+xml", EMPTY_FEED).delay(Duration.ofSeconds(6));
        FeedFetcher limited = loopback.fetcher(s -> s.totalTimeout = Duration.ofMillis(1500));

        long started = System.nanoTime();
        assertFailure(() -> limited.fetch(url("/slow"), null, null), Kind.TEMPORARY,
                url("/slow") + " took longer than the 1.5 s total time limit while connecting or waiting for the answer");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void givesUpOnAServerSilentForLongerThanTheReadTimeout() {
        server.route("/slow").body("application/rss+xml", EMPTY_FEED).delay(Duration.ofSeconds(4));
        FeedFetcher impatient = loopback.fetcher(s -> s.readTimeout = Duration.ofMillis(500));

        assertFailure(() -> impatient.fetch(url("/slow"), null, null), Kind.TEMPORARY,
                url("/slow") + " sent nothing for 0.5 s while connecting or waiting for the answer (read timeout)");
    }

    @Test
    void waitsForAFreeConnectionWhenTheHostHasItsMaximumOpen() throws Exception {
        // Given one connection per host, taken by a slow request, and half a second to wait for a free one
        server.route("/slow").body("application/rss+xml", EMPTY_FEED).delay(Duration.ofSeconds(2));
        server.route("/rss").body("application/rss+xml", EMPTY_FEED);
        FeedFetcher single = loopback.fetcher(s -> {
            s.maxConnectionsPerHost = 1;
            s.connectTimeout = Duration.ofMillis(500);
        });
        CompletableFuture<FetchResult> slow = CompletableFuture.supplyAsync(() -> {
            try {
                return single.fetch(url("/slow"), null, null);
            } catch (FetchException e) {
                throw new IllegalStateException(e);
            }
        });
        loopback.awaitRequest("/slow");

        // When a second request goes to the same host, then it gets no connection and the server never sees it
        assertFailure(() -> single.fetch(url("/rss"), null, null), Kind.TEMPORARY,
                url("/rss") + " found no free connection within 0.5 s (at most 1 per host and 10 in all are open at once)");
        assertThat(server.requests("/rss")).isEmpty();
        assertThat(slow.get()).isInstanceOf(FetchResult.Fetched.class);
    }

    private URI url(String path) {
        return loopback.url(path);
    }
}
