package io.newsradar.ingest.fetch;

import static io.newsradar.ingest.fetch.LoopbackFetching.EMPTY_FEED;
import static io.newsradar.ingest.fetch.LoopbackFetching.USER_AGENT;
import static io.newsradar.ingest.fetch.LoopbackFetching.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.ingest.fetch.FetchException.Kind;
import io.newsradar.testsupport.FeedServer;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** How {@link FeedFetcher} follows redirects: the final URL, loops, the limit of five, a redirect without a Location. */
class FeedFetcherRedirectTest {

    @RegisterExtension
    final LoopbackFetching loopback = new LoopbackFetching();
    private final FeedServer server = loopback.server;
    private final FeedFetcher fetcher = loopback.fetcher(s -> { });

    @Test
    void followsARedirectChainAndReportsTheFinalUrl() throws Exception {
        // Given /old → (relative) new → /feeds/rss?v=2, through 301, 302 and 308
        server.route("/old").redirect(301, "new");
        server.route("/new").redirect(302, "/feeds/rss?v=2");
        server.route("/feeds/rss").body("application/rss+xml", EMPTY_FEED);

        FetchResult result = fetcher.fetch(url("/old"), "\"e1\"", null);

        assertThat(result).isInstanceOfSatisfying(FetchResult.Fetched.class, fetched -> {
            assertThat(fetched.finalUrl()).isEqualTo(url("/feeds/rss?v=2"));
            assertThat(fetched.body()).isEqualTo(EMPTY_FEED);
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
        server.route("/r5").body("application/rss+xml", EMPTY_FEED);
        for (int i = 0; i < 6; i++) {
            server.route("/s" + i).redirect(302, "/s" + (i + 1));
        }
        server.route("/s6").body("application/rss+xml", EMPTY_FEED);

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

    private URI url(String path) {
        return loopback.url(path);
    }
}
