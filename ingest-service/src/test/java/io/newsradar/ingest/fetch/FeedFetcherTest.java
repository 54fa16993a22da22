package io.newsradar.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsradar.testsupport.FeedServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FeedFetcherTest {

    private final FeedServer server = FeedServer.start();
    private final FeedFetcher fetcher = new FeedFetcher("newsradar-test/1", Duration.ofMillis(800), 1024 * 1024);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void sendsItsUserAgentAndReturnsTheValidatorsForTheNextPoll() throws Exception {
        server.route("/rss").body("application/rss+xml", "<rss/>").etag("\"e1\"");

        FetchResult result = fetcher.fetch(URI.create(server.url("/rss")), null, null);

        assertThat(result).isInstanceOfSatisfying(FetchResult.Fetched.class, fetched -> {
            assertThat(new String(fetched.body(), StandardCharsets.UTF_8)).isEqualTo("<rss/>");
            assertThat(fetched.etag()).isEqualTo("\"e1\"");
        });
        assertThat(server.requests("/rss")).singleElement().extracting(FeedServer.Request::userAgent).isEqualTo("newsradar-test/1");
    }

    @Test
    void asksConditionallyAndReportsNotModified() throws Exception {
        server.route("/rss").body("application/rss+xml", "<rss/>").etag("\"e1\"");

        FetchResult result = fetcher.fetch(URI.create(server.url("/rss")), "\"e1\"", "Fri, 20 Nov 2026 08:00:00 GMT");

        assertThat(result).isInstanceOf(FetchResult.NotModified.class);
        assertThat(server.requests("/rss")).singleElement().satisfies(r -> {
            assertThat(r.ifNoneMatch()).isEqualTo("\"e1\"");
            assertThat(r.ifModifiedSince()).isEqualTo("Fri, 20 Nov 2026 08:00:00 GMT");
        });
    }

    @Test
    void callsAServerErrorTemporaryAndNamesTheUrl() {
        server.route("/rss").body("application/rss+xml", "<rss/>").status(503);

        assertThatThrownBy(() -> fetcher.fetch(URI.create(server.url("/rss")), null, null))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.isTemporary()).isTrue())
                .hasMessage(server.url("/rss") + " answered HTTP 503");
    }

    @Test
    void callsAMissingFeedPermanent() {
        assertThatThrownBy(() -> fetcher.fetch(URI.create(server.url("/gone")), null, null))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.isTemporary()).isFalse())
                .hasMessageContaining("answered HTTP 404");
    }

    @Test
    void refusesABodyOverTheLimit() {
        server.route("/huge").hugeBody("application/rss+xml", 2 * 1024 * 1024);

        assertThatThrownBy(() -> fetcher.fetch(URI.create(server.url("/huge")), null, null))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("is larger than the limit of 1048576 bytes");
    }

    @Test
    void givesUpOnASlowServerAfterTheTimeout() {
        server.route("/slow").body("application/rss+xml", "<rss/>").delay(Duration.ofSeconds(3));

        assertThatThrownBy(() -> fetcher.fetch(URI.create(server.url("/slow")), null, null))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.isTemporary()).isTrue())
                .hasMessageContaining("did not answer within");
    }
}
