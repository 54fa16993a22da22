package io.newsradar.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FeedServerTest {

    private final FeedServer server = FeedServer.start();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void servesAFeedAndAnswers304ToARequestThatHasItsEtag() throws Exception {
        server.route("/vi.xml").body("application/rss+xml", "<rss/>").etag("\"v1\"");

        HttpResponse<String> first = get("/vi.xml", "If-None-Match", "\"v0\"");
        HttpResponse<String> second = get("/vi.xml", "If-None-Match", "\"v1\"");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("<rss/>");
        assertThat(first.headers().firstValue("ETag")).hasValue("\"v1\"");
        assertThat(second.statusCode()).isEqualTo(304);
        assertThat(server.requests("/vi.xml")).extracting(FeedServer.Request::ifNoneMatch).containsExactly("\"v0\"", "\"v1\"");
    }

    @Test
    void answers304WhenNothingChangedSinceLastModified() throws Exception {
        Instant modified = Instant.parse("2026-11-20T08:00:00Z");
        server.route("/en.xml").body("application/rss+xml", "<rss/>").lastModified(modified);

        assertThat(get("/en.xml", "If-Modified-Since", "Fri, 20 Nov 2026 08:00:00 GMT").statusCode()).isEqualTo(304);
        assertThat(get("/en.xml", "If-Modified-Since", "Fri, 20 Nov 2026 07:59:59 GMT").statusCode()).isEqualTo(200);
    }

    @Test
    void answersTheStatusATestSetsAndRecoversWhenItIsSetBack() throws Exception {
        server.route("/fr.xml").body("application/rss+xml", "<rss/>").status(503).header("Retry-After", "120");

        HttpResponse<String> failing = get("/fr.xml", null, null);
        server.route("/fr.xml").status(200);

        assertThat(failing.statusCode()).isEqualTo(503);
        assertThat(failing.headers().firstValue("Retry-After")).hasValue("120");
        assertThat(get("/fr.xml", null, null).body()).isEqualTo("<rss/>");
    }

    @Test
    void answers404ForAPathItDoesNotServe() throws Exception {
        assertThat(get("/missing.xml", null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void streamsAHugeBodyOfTheSizeAsked() throws Exception {
        server.route("/huge.xml").hugeBody("application/rss+xml", 3 * 1024 * 1024 + 7);

        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(server.url("/huge.xml"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.body()).hasSize(3 * 1024 * 1024 + 7);
    }

    @Test
    void delaysItsAnswerWhenAsked() throws Exception {
        server.route("/slow.xml").body("application/rss+xml", "<rss/>").delay(Duration.ofMillis(300));
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.url("/slow.xml"))).timeout(Duration.ofMillis(100)).build();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> http.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(java.net.http.HttpTimeoutException.class);
    }

    @Test
    void answersARedirectWithItsLocation() throws Exception {
        server.route("/old.xml").redirect(301, "/new.xml");

        HttpResponse<String> response = get("/old.xml", null, null);

        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("Location")).hasValue("/new.xml");
    }

    @Test
    void sendsAnEncodedBodyAsItIsAndRecordsTheAcceptEncodingAsked() throws Exception {
        byte[] gzipped = FeedServer.gzip("<rss/>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        server.route("/gz.xml").encodedBody("application/rss+xml", gzipped, "gzip");

        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(server.url("/gz.xml")))
                .header("Accept-Encoding", "gzip, deflate").build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(response.body()).isEqualTo(gzipped);
        assertThat(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(response.body())).readAllBytes())
                .asString(java.nio.charset.StandardCharsets.UTF_8).isEqualTo("<rss/>");
        assertThat(server.requests("/gz.xml")).singleElement().extracting(FeedServer.Request::acceptEncoding).isEqualTo("gzip, deflate");
    }

    @Test
    void dripsABodyOneByteAtATime() throws Exception {
        server.route("/drip.xml").drip("application/rss+xml", "<rss/>".getBytes(java.nio.charset.StandardCharsets.UTF_8), Duration.ofMillis(50));

        long started = System.nanoTime();
        HttpResponse<String> response = get("/drip.xml", null, null);

        assertThat(response.body()).isEqualTo("<rss/>");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void writesRssWithTheNewestItemFirstAndMarkupEscaped() {
        String xml = RssFeed.channel("Tin <Kinh tế>", "https://example.vn/", "vi")
                .item("Bài 1", "https://example.vn/1", "A & B", Instant.parse("2026-11-20T08:00:00Z"))
                .item("Bài 2", "https://example.vn/2", "C", Instant.parse("2026-11-20T09:00:00Z"))
                .toXml();

        assertThat(xml).contains("<title>Tin &lt;Kinh tế&gt;</title>", "<description>A &amp; B</description>",
                "<pubDate>Fri, 20 Nov 2026 08:00:00 GMT</pubDate>");
        assertThat(xml.indexOf("Bài 2")).isLessThan(xml.indexOf("Bài 1"));
    }

    private HttpResponse<String> get(String path, String header, String value) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path)));
        if (header != null) {
            request.header(header, value);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
