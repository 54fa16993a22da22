package io.newsradar.ingest.schedule;

import io.newsradar.testsupport.FeedServer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * The feeds {@link HostileFeedsTest} polls, each with how its last poll must end: the hostile corpus, the SSRF table
 * and the good feeds beside them. The expected errors refer to the fetch limits below. Public, in this module's test
 * jar, for e2e-tests to serve the hostile corpus to the whole pipeline.
 */
public final class HostileCorpus {

    /** The fetch limits: the 2 s in the expected time-limit errors is this. */
    public static final Duration TOTAL_TIMEOUT = Duration.ofSeconds(2);
    public static final int MAX_BODY = 1 << 20;
    public static final int MAX_DECODED = 2 << 20;
    /** Written to a local file that the XXE payload names; it must reach no article and no state. */
    public static final String SECRET = "SECRET-HOSTILE-4b1d7e-NOT-FOR-FEEDS";

    private HostileCorpus() {
    }

    /** A hostile feed: how the server serves it, and how its last poll must end. */
    public record Hostile(String name, String path, Consumer<FeedServer> serve, String outcome, List<String> reasons) {

        @Override
        public String toString() {
            return name;
        }
    }

    /** A feed URL the guarded fetcher must refuse before sending anything; {@code path} is on the loopback server. */
    record Ssrf(String name, String url, String path, List<String> reasons) {

        @Override
        public String toString() {
            return name;
        }
    }

    /** A feed that is fine: it must be polled several times and publish each article exactly once. */
    record Good(String name, String path, String fixture, int articles, String outcome) {

        @Override
        public String toString() {
            return name;
        }
    }

    /** Each case on the server, the XXE one naming {@code secretFile}. */
    public static List<Hostile> hostile(FeedServer server, Path secretFile) throws IOException {
        String feed = fixture("rss2-vi-kinh-te.xml");
        String malformed = fixture("rss2-malformed.xml");
        String html = fixture("not-a-feed.html");
        String laughs = fixture("rss2-billion-laughs.xml");
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY secret SYSTEM "%s">]>
                <rss version="2.0"><channel><title>&secret;</title><link>https://evil.example/</link>
                <description>&secret;</description><item><title>&secret;</title><link>https://evil.example/1</link>
                <description>&secret;</description></item></channel></rss>
                """.formatted(secretFile.toUri());
        byte[] bomb = FeedServer.gzipOfZeros(100L << 20);
        return List.of(
                hostile("malformed XML", "/hostile/malformed.xml",
                        s -> s.route("/hostile/malformed.xml").body("application/rss+xml", malformed),
                        PollResult.PERMANENT_ERROR, "is not well-formed XML at line 7, column"),
                hostile("an HTML page served as a feed", "/hostile/page.html",
                        s -> s.route("/hostile/page.html").body("application/rss+xml", html),
                        PollResult.PERMANENT_ERROR, "is an HTML page, not a feed"),
                hostile("XXE reading a local file", "/hostile/xxe.xml",
                        s -> s.route("/hostile/xxe.xml").body("application/rss+xml", xxe),
                        PollResult.PERMANENT_ERROR, "declares a DOCTYPE, which is refused"),
                hostile("billion laughs", "/hostile/laughs.xml",
                        s -> s.route("/hostile/laughs.xml").body("application/rss+xml", laughs),
                        PollResult.PERMANENT_ERROR, "declares a DOCTYPE, which is refused"),
                hostile("a gzip bomb (100 MB of zeros)", "/hostile/bomb.xml",
                        s -> s.route("/hostile/bomb.xml").encodedBody("application/rss+xml", bomb, "gzip"),
                        PollResult.REFUSED, "is larger than the " + MAX_DECODED + "-byte limit after decompression (gzip)"),
                hostile("a 100 MB body", "/hostile/huge.xml",
                        s -> s.route("/hostile/huge.xml").hugeBody("application/rss+xml", 100L << 20),
                        PollResult.REFUSED, "is larger than the " + MAX_BODY + "-byte limit (read on the wire)"),
                hostile("a server dripping one byte every 20 ms", "/hostile/drip.xml",
                        s -> s.route("/hostile/drip.xml").drip("application/rss+xml", feed.getBytes(StandardCharsets.UTF_8),
                                Duration.ofMillis(20)),
                        PollResult.TEMPORARY_ERROR, "took longer than the 2 s total time limit while reading the body"),
                hostile("a server answering after the total time", "/hostile/late.xml",
                        s -> s.route("/hostile/late.xml").body("application/rss+xml", feed).delay(Duration.ofSeconds(4)),
                        PollResult.TEMPORARY_ERROR,
                        "took longer than the 2 s total time limit while connecting or waiting for the answer"),
                hostile("a redirect loop", "/hostile/loop-a.xml", s -> {
                    s.route("/hostile/loop-a.xml").redirect(302, "/hostile/loop-b.xml");
                    s.route("/hostile/loop-b.xml").redirect(301, "/hostile/loop-a.xml");
                }, PollResult.REFUSED, server.url("/hostile/loop-a.xml") + " redirects in a loop: " + server.url("/hostile/loop-a.xml") + " → "
                        + server.url("/hostile/loop-b.xml") + " → " + server.url("/hostile/loop-a.xml")),
                hostile("more than 5 redirects", "/hostile/hop-0.xml", s -> {
                    for (int i = 0; i < 7; i++) {
                        s.route("/hostile/hop-" + i + ".xml").redirect(302, "/hostile/hop-" + (i + 1) + ".xml");
                    }
                }, PollResult.REFUSED, "redirected more than 5 times"),
                hostile("429 with Retry-After: 120", "/hostile/429.xml",
                        s -> s.route("/hostile/429.xml").body("application/rss+xml", feed).status(429).header("Retry-After", "120"),
                        PollResult.TEMPORARY_ERROR, "answered HTTP 429 Too Many Requests; it asks to retry after 120 s"),
                hostile("503", "/hostile/503.xml", s -> s.route("/hostile/503.xml").body("application/rss+xml", feed).status(503),
                        PollResult.TEMPORARY_ERROR, "answered HTTP 503 Service Unavailable"),
                hostile("404", "/hostile/404.xml", s -> s.route("/hostile/404.xml").status(404),
                        PollResult.PERMANENT_ERROR, "answered HTTP 404 Not Found"),
                hostile("410", "/hostile/410.xml", s -> s.route("/hostile/410.xml").body("application/rss+xml", feed).status(410),
                        PollResult.PERMANENT_ERROR, "answered HTTP 410 Gone"));
    }

    /** Each URL on a forbidden address; those on the loopback server have a path it serves a real feed on. */
    static List<Ssrf> ssrf(FeedServer server) {
        int port = URI.create(server.url("/")).getPort();
        return List.of(
                new Ssrf("loopback, the real feed server", "http://127.0.0.1:" + port + "/ssrf/loopback.xml", "/ssrf/loopback.xml",
                        List.of("127.0.0.1 is a loopback address")),
                new Ssrf("IPv6 loopback", "http://[::1]:" + port + "/ssrf/ipv6.xml", "/ssrf/ipv6.xml",
                        List.of("0:0:0:0:0:0:0:1 is a loopback address")),
                new Ssrf("loopback as one decimal number", "http://2130706433:" + port + "/ssrf/decimal.xml", "/ssrf/decimal.xml",
                        List.of("host 2130706433 is 127.0.0.1 written as a number", "127.0.0.1 is a loopback address")),
                new Ssrf("loopback as one hex number", "http://0x7f000001:" + port + "/ssrf/hex.xml", "/ssrf/hex.xml",
                        List.of("host 0x7f000001 is 127.0.0.1 written as a number", "127.0.0.1 is a loopback address")),
                new Ssrf("IPv4-mapped IPv6 loopback", "http://[::ffff:127.0.0.1]:" + port + "/ssrf/mapped.xml", "/ssrf/mapped.xml",
                        List.of("127.0.0.1 is a loopback address")),
                new Ssrf("private network", "http://10.0.0.1/", null, List.of("10.0.0.1 is a private network address")),
                new Ssrf("cloud metadata", "http://169.254.169.254/latest/meta-data/", null,
                        List.of("169.254.169.254 is a link-local address")),
                new Ssrf("carrier-grade NAT", "http://100.64.0.1/", null, List.of("100.64.0.1 is a carrier-grade NAT address")),
                new Ssrf("unique local IPv6", "http://[fc00::1]/", null, List.of("fc00:0:0:0:0:0:0:1 is a unique local address")));
    }

    static List<Good> good() {
        return List.of(
                new Good("vi: RSS 2.0", "/good/vi.xml", "rss2-vi-kinh-te.xml", 2, PollResult.FETCHED),
                new Good("en: RSS 2.0 that gains an item after the first poll", "/good/en-changing.xml",
                        "rss2-en-ttl-and-dates.xml", 6, PollResult.FETCHED),
                new Good("fr: Atom", "/good/fr.xml", "atom-fr-monde.xml", 1, PollResult.FETCHED),
                new Good("links and GUIDs move from http to https", "/dedupe/http-to-https.xml", "rss2-en-http-links.xml", 3,
                        PollResult.FETCHED),
                new Good("ETag: 304 after the first poll", "/dedupe/etag.xml", "rss2-vi-kinh-te.xml", 2,
                        PollResult.NOT_MODIFIED),
                new Good("Last-Modified: 304 after the first poll", "/dedupe/last-modified.xml", "atom-fr-monde.xml", 1,
                        PollResult.NOT_MODIFIED));
    }

    private static Hostile hostile(String name, String path, Consumer<FeedServer> serve, String outcome, String... reasons) {
        return new Hostile(name, path, serve, outcome, List.of(reasons));
    }

    private static String fixture(String name) throws IOException {
        return FeedParserFixtures.read(name);
    }
}
