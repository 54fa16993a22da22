package io.newsradar.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DemoFeedServerTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private DemoFeedServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"vi", "en", "fr"})
    void servesEachFeedWithStoriesWhoseSlotsAreAllFilled(String lang) throws Exception {
        server = started();

        HttpResponse<String> feed = get("/feeds/" + lang + ".xml", null);

        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.body()).contains("<language>" + lang + "</language>").doesNotContain("{", "}");
        assertThat(feed.body().split("<item>")).hasSize(4);
    }

    @Test
    void publishesANewStoryInTurnAndAnswers304WhileAFeedIsUnchanged() throws Exception {
        server = started();
        String etag = get("/feeds/vi.xml", null).headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> unchanged = get("/feeds/vi.xml", etag);
        server.publishNext();
        HttpResponse<String> changed = get("/feeds/vi.xml", etag);

        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body().split("<item>")).hasSize(5);
    }

    @Test
    void servesTheArticlePageOfEachItem() throws Exception {
        server = started();

        HttpResponse<String> page = get("/articles/fr/1.html", null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>", "class=\"lead\"", "lang=\"fr\"");
        assertThat(get("/articles/fr/999.html", null).statusCode()).isEqualTo(404);
    }

    @Test
    void linksTheStoriesOfAServerStartedAgainApartFromTheFirstOnesSoThatTheyAreNewArticles() throws Exception {
        server = started(Clock.fixed(Instant.parse("2026-11-20T09:00:00Z"), ZoneOffset.UTC));
        String first = get("/feeds/en.xml", null).body();
        server.close();
        server = started(Clock.fixed(Instant.parse("2026-11-20T09:30:00Z"), ZoneOffset.UTC));
        String again = get("/feeds/en.xml", null).body();

        assertThat(link(first)).endsWith(".html?edition=1795165200");
        assertThat(link(again)).endsWith(".html?edition=1795167000");
        assertThat(get(link(again).substring(server.baseUrl().length()), null).statusCode()).isEqualTo(200);
    }

    private static String link(String rss) {
        int item = rss.indexOf("<item>");
        return rss.substring(rss.indexOf("<link>", item) + "<link>".length(), rss.indexOf("</link>", item));
    }

    private DemoFeedServer started(Clock clock) throws Exception {
        DemoFeedServer demo = new DemoFeedServer(0, clock);
        demo.start(Duration.ofHours(1));
        return demo;
    }

    private DemoFeedServer started() throws Exception {
        DemoFeedServer demo = new DemoFeedServer(0, Clock.systemUTC());
        demo.start(Duration.ofHours(1));
        return demo;
    }

    private HttpResponse<String> get(String path, String etag) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path));
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
