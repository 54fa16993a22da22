package io.newsradar.ingest.fetch;

import static io.newsradar.ingest.fetch.LoopbackFetching.EMPTY_FEED;
import static io.newsradar.ingest.fetch.LoopbackFetching.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.ingest.fetch.FetchException.Kind;
import io.newsradar.testsupport.FeedServer;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Where {@link FeedFetcher} may connect (SSRF): loopback, link-local and numeric hosts, IPv4-mapped addresses and
 * schemes other than http, refused before any request is sent.
 */
class FeedFetcherAddressTest {

    @RegisterExtension
    final LoopbackFetching loopback = new LoopbackFetching();
    private final FeedServer server = loopback.server;
    private final FeedFetcher fetcher = loopback.fetcher(s -> { });

    @Test
    void refusesLoopbackWhenPrivateNetworksAreNotAllowedAndSendsNoRequest() {
        server.route("/rss").body("application/rss+xml", EMPTY_FEED);
        FeedFetcher publicOnly = loopback.fetcher(s -> s.allowPrivateNetworks = false);

        assertFailure(() -> publicOnly.fetch(url("/rss"), null, null), Kind.REFUSED,
                url("/rss") + " refused: 127.0.0.1 is a loopback address (set newsradar.ingest.fetch.allow-private-networks to allow it)");
        assertThat(server.requests("/rss")).isEmpty();
    }

    @Test
    void refusesANameThatResolvesToLoopbackAndSendsNoRequest() {
        server.route("/rss").body("application/rss+xml", EMPTY_FEED);
        FeedFetcher publicOnly = loopback.fetcher(s -> s.allowPrivateNetworks = false);
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
        server.route("/rss").body("application/rss+xml", EMPTY_FEED);
        FeedFetcher publicOnly = loopback.fetcher(s -> s.allowPrivateNetworks = false);
        URI numeric = URI.create(url("/rss").toString().replace("127.0.0.1", host));

        assertFailure(() -> publicOnly.fetch(numeric, null, null), Kind.REFUSED,
                numeric + " refused: host " + host + " is 127.0.0.1 written as a number; 127.0.0.1 is a loopback address");
        assertThat(server.requests("/rss")).isEmpty();
    }

    @Test
    void refusesAnAllowedAddressWrittenAsANumberRatherThanPassItOn() {
        server.route("/rss").body("application/rss+xml", EMPTY_FEED);
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
        FeedFetcher publicOnly = loopback.fetcher(s -> s.allowPrivateNetworks = false);
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

    private URI url(String path) {
        return loopback.url(path);
    }
}
