package io.newsradar.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The feed-registry admin API against a real Kafka broker: what it writes to news.feeds and what it reads back. */
@RunningGateway
class FeedAdminIT {

    private static final String RUN = Long.toString(System.nanoTime(), 36);
    private static final MediaType OPML = MediaType.parseMediaType("text/x-opml");

    private static final ParameterizedTypeReference<List<Boolean>> BOOLEANS = new ParameterizedTypeReference<>() {
    };

    @Value("${local.server.port}")
    int port;

    @BeforeAll
    static void installTheIndex() throws Exception {
        IndexedArticles.index(List.of());
    }

    @Test
    void aCreatedFeedCanBeReadListedAndDeletedAndIsThenGone() {
        String id = RUN + "-lifecycle";
        // Given an admin, when they add a feed
        admin().post().uri("/api/v1/feeds").contentType(MediaType.APPLICATION_JSON).bodyValue(spec(id, "https://example.vn/rss/a.rss"))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/api/v1/feeds/" + id)
                .expectBody()
                .jsonPath("$.feedId").isEqualTo(id)
                .jsonPath("$.pollInterval").isEqualTo("PT10M")
                .jsonPath("$.health.status").isEqualTo("never polled");
        // Then a reader sees it at once, alone and in the list
        reader().get().uri("/api/v1/feeds/" + id).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.url").isEqualTo("https://example.vn/rss/a.rss").jsonPath("$.health.failing").isEqualTo(false);
        reader().get().uri("/api/v1/feeds").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.feeds[?(@.feedId == '%s')].title".formatted(id)).isEqualTo("Tin " + id);
        // When it is deleted, then it is gone, and deleting it again is a 404
        admin().delete().uri("/api/v1/feeds/" + id).exchange().expectStatus().isNoContent();
        reader().get().uri("/api/v1/feeds/" + id).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("no feed with id '" + id + "' is in the registry");
        admin().delete().uri("/api/v1/feeds/" + id).exchange().expectStatus().isNotFound();
        reader().get().uri("/api/v1/feeds").exchange()
                .expectBody().jsonPath("$.feeds[?(@.feedId == '%s')]".formatted(id)).doesNotExist();
    }

    @Test
    void writesTheFeedToNewsFeedsInTheWireFormatAndATombstoneOnDelete() {
        String id = RUN + "-wire";
        admin().post().uri("/api/v1/feeds").contentType(MediaType.APPLICATION_JSON).bodyValue(spec(id, "https://example.vn/rss/w.rss"))
                .exchange().expectStatus().isCreated();
        admin().delete().uri("/api/v1/feeds/" + id).exchange().expectStatus().isNoContent();

        List<ConsumerRecord<String, String>> records = FeedTopics.records(Topics.FEEDS, id);
        assertThat(records).hasSize(2);
        assertThat(records.get(0).value()).isEqualTo("{\"schemaVersion\":1,\"feedId\":\"" + id + "\",\"url\":\"https://example.vn/rss/w.rss\","
                + "\"title\":\"Tin " + id + "\",\"languageHint\":\"vi\",\"pollInterval\":\"PT10M\",\"fetchFullArticle\":true,\"enabled\":true}");
        assertThat(records.get(1).value()).as("a tombstone").isNull();
    }

    @Test
    void showsTheStateIngestWroteAsTheFeedsHealthAndListsFailingFeedsApart() throws Exception {
        String failing = RUN + "-failing";
        String healthy = RUN + "-healthy";
        admin().post().uri("/api/v1/feeds").contentType(MediaType.APPLICATION_JSON).bodyValue(spec(failing, "https://example.vn/f.rss"))
                .exchange().expectStatus().isCreated();
        admin().post().uri("/api/v1/feeds").contentType(MediaType.APPLICATION_JSON).bodyValue(spec(healthy, "https://example.vn/h.rss"))
                .exchange().expectStatus().isCreated();
        // Given ingest-service has written that one feed fails and the other is fine
        FeedTopics.write(Topics.FEED_STATE, failing, state(failing, 7, true, "permanent_error",
                "feed https://example.vn/f.rss answered 410 Gone"));
        FeedTopics.write(Topics.FEED_STATE, healthy, state(healthy, 0, false, "fetched", null));

        // When a reader asks, then the health is the state's, the last error as a generic reason
        reader().get().uri("/api/v1/feeds/" + failing).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.health.status").isEqualTo("failing")
                .jsonPath("$.health.failing").isEqualTo(true)
                .jsonPath("$.health.consecutiveFailures").isEqualTo(7)
                .jsonPath("$.health.lastOutcome").isEqualTo("permanent_error")
                .jsonPath("$.health.lastError").isEqualTo("the last poll failed (the feed's server refused the request or sent something"
                        + " that is not a feed); an admin key shows the detail")
                .jsonPath("$.health.lastPolledAt").isEqualTo("2026-11-22T08:05:00Z");
        // And an admin sees ingest's own words
        admin().get().uri("/api/v1/feeds/" + failing).exchange()
                .expectBody().jsonPath("$.health.lastError").isEqualTo("feed https://example.vn/f.rss answered 410 Gone");
        reader().get().uri("/api/v1/feeds/" + healthy).exchange()
                .expectBody().jsonPath("$.health.status").isEqualTo("ok").jsonPath("$.health.lastError").isEmpty();
        // And only the failing one is in ?failing=true
        reader().get().uri("/api/v1/feeds?failing=true").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.feeds[?(@.feedId == '%s')]".formatted(failing)).exists()
                .jsonPath("$.feeds[?(@.feedId == '%s')]".formatted(healthy)).doesNotExist()
                .jsonPath("$.feeds[*].health.failing").value(BOOLEANS, flags -> assertThat(flags).containsOnly(true));
        reader().get().uri("/api/v1/feeds?failing=perhaps").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.parameter").isEqualTo("failing");
        // And the gauges count them
        web().get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(text -> assertThat(text)
                        .containsPattern("(?m)^newsradar_gateway_feeds\\{[^}]*} [1-9]")
                        .containsPattern("(?m)^newsradar_gateway_feeds_failing\\{[^}]*} [1-9]"));
    }

    @Test
    void postingAnExistingIdReplacesTheFeedAndPutTakesTheIdFromThePath() {
        String id = RUN + "-replaced";
        admin().post().uri("/api/v1/feeds").contentType(MediaType.APPLICATION_JSON).bodyValue(spec(id, "https://example.vn/1.rss"))
                .exchange().expectStatus().isCreated();
        // When the same id is posted again, then it is a 200 and the new URL holds
        admin().post().uri("/api/v1/feeds").contentType(MediaType.APPLICATION_JSON).bodyValue(spec(id, "https://example.vn/2.rss"))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.url").isEqualTo("https://example.vn/2.rss");
        // When a PUT leaves the id out, then the path's is taken
        admin().put().uri("/api/v1/feeds/" + id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"url\": \"https://example.vn/3.rss\", \"enabled\": false}")
                .exchange().expectStatus().isOk();
        reader().get().uri("/api/v1/feeds/" + id).exchange()
                .expectBody().jsonPath("$.url").isEqualTo("https://example.vn/3.rss").jsonPath("$.enabled").isEqualTo(false);
        admin().put().uri("/api/v1/feeds/" + id + "-new").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"url\": \"https://example.vn/4.rss\"}").exchange().expectStatus().isCreated();
        // When the body names another id, then it is refused
        admin().put().uri("/api/v1/feeds/" + id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"feedId\": \"other\", \"url\": \"https://example.vn/5.rss\"}")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("feedId");
    }

    @Test
    void importsEveryFeedOfAnOpmlListAndReportsTheOutlinesItCouldNotRead() throws Exception {
        String opml = Files.readString(Path.of("src/test/resources/opml/two-feeds-and-an-ftp-outline.opml")).replace("OPML_ID", RUN);
        admin().post().uri("/api/v1/feeds/opml").contentType(OPML).bodyValue(opml.getBytes(StandardCharsets.UTF_8))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.imported").isEqualTo(2)
                .jsonPath("$.feeds[0]").isEqualTo(RUN + "-kinh-te")
                .jsonPath("$.feeds[1]").isEqualTo("www3-example-jp-nhkworld-" + RUN + "-rss-xml")
                .jsonPath("$.problems.length()").isEqualTo(1)
                .jsonPath("$.problems[0]").value(String.class, p -> assertThat(p)
                        .startsWith("outline 3 ('Old FTP mirror'): ").contains("url must be an absolute http(s) URL"));
        reader().get().uri("/api/v1/feeds/" + RUN + "-kinh-te").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.languageHint").isEqualTo("vi");
    }

    @Test
    void refusesADocumentThatIsNotOpmlWithTheParsersMessage() throws Exception {
        admin().post().uri("/api/v1/feeds/opml").contentType(MediaType.APPLICATION_XML).bodyValue("<rss version=\"2.0\"/>")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo("the OPML document is not OPML: its root element is <rss>");
        admin().post().uri("/api/v1/feeds/opml").contentType(OPML)
                .bodyValue(Files.readAllBytes(Path.of("src/test/resources/opml/with-doctype.opml")))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(String.class, d -> assertThat(d).startsWith("the OPML document is not a readable OPML document"));
    }

    @Test
    void onlyAnAdminKeyChangesTheRegistryAndEveryRouteNeedsAKey() {
        String id = RUN + "-guarded";
        String body = spec(id, "https://example.vn/g.rss");
        reader().post().uri("/api/v1/feeds").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isForbidden();
        reader().put().uri("/api/v1/feeds/" + id).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isForbidden();
        reader().delete().uri("/api/v1/feeds/" + id).exchange().expectStatus().isForbidden();
        reader().post().uri("/api/v1/feeds/opml").contentType(OPML).bodyValue("<opml/>").exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail").isEqualTo("POST /api/v1/feeds/opml needs an admin key; 'test-reader' is a reader key");
        web().post().uri("/api/v1/feeds").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isUnauthorized();
        web().delete().uri("/api/v1/feeds/" + id).exchange().expectStatus().isUnauthorized();
        web().get().uri("/api/v1/feeds").exchange().expectStatus().isUnauthorized();
        reader().get().uri("/api/v1/feeds").exchange().expectStatus().isOk();
        reader().get().uri("/api/v1/feeds/" + id).exchange().expectStatus().isNotFound();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            a feed id with a space     | {"feedId": "bad id", "url": "https://example.vn/rss"}          | feedId       | FeedSpec.feedId must be 1-100 letters, digits, '.', '_' or '-', was 'bad id'
            no feed id                 | {"url": "https://example.vn/rss"}                              | feedId       | FeedSpec.feedId must be 1-100 letters, digits, '.', '_' or '-', was null
            an ftp url                 | {"feedId": "x", "url": "ftp://example.vn/rss"}                 | url          | FeedSpec x: url must be an absolute http(s) URL, was ftp://example.vn/rss
            no url                     | {"feedId": "x"}                                                | url          | FeedSpec x: url must not be blank
            a negative poll interval   | {"feedId": "x", "url": "https://e.vn/r", "pollInterval": "-PT5M"} | pollInterval | FeedSpec x: pollInterval must be positive, was PT-5M
            an unreadable poll interval | {"feedId": "x", "url": "https://e.vn/r", "pollInterval": "10 minutes"} | pollInterval | pollInterval:
            malformed JSON             | {"feedId": "x", "url":                                         | url          | the body is not valid JSON in url:
            a JSON array               | []                                                             |              | the body must be a feed as a JSON object
            """)
    void refusesAnInvalidFeedWithAProblemNamingWhatIsWrong(String name, String body, String field, String detail) {
        var response = admin().post().uri("/api/v1/feeds").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Invalid feed")
                .jsonPath("$.detail").value(String.class, d -> assertThat(d).startsWith(detail));
        if (field == null) {
            response.jsonPath("$.field").doesNotExist();
        } else {
            response.jsonPath("$.field").isEqualTo(field);
        }
    }

    @Test
    void refusesABodyPastItsLimit() {
        String big = "{\"feedId\": \"x\", \"url\": \"https://example.vn/rss\", \"title\": \"" + "x".repeat(70_000) + "\"}";
        admin().post().uri("/api/v1/feeds").contentType(MediaType.APPLICATION_JSON).bodyValue(big).exchange()
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.detail").isEqualTo("a feed must be at most 65536 bytes");
        byte[] opml = ("<opml><body>" + "<outline text=\"padding\"/>".repeat(50_000) + "</body></opml>").getBytes(StandardCharsets.UTF_8);
        admin().post().uri("/api/v1/feeds/opml").contentType(OPML).bodyValue(opml).exchange()
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.detail").isEqualTo("an OPML document must be at most 1048576 bytes");
    }

    @Test
    void ignoresFieldsItDoesNotKnow() {
        String id = RUN + "-unknown-fields";
        admin().post().uri("/api/v1/feeds").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"feedId\": \"" + id + "\", \"url\": \"https://example.vn/u.rss\", \"colour\": \"blue\", \"schemaVersion\": 1}")
                .exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.colour").doesNotExist().jsonPath("$.enabled").isEqualTo(true);
    }

    private static String spec(String id, String url) {
        return """
                {"feedId": "%s", "url": "%s", "title": "Tin %s", "languageHint": "vi", "pollInterval": "PT10M",
                 "fetchFullArticle": true, "enabled": true}""".formatted(id, url, id);
    }

    private static String state(String id, int failures, boolean failing, String outcome, String error) {
        return """
                {"schemaVersion": 1, "feedId": "%s", "etag": null, "lastModified": null, "recent": [],
                 "lastPolledAt": "2026-11-22T08:05:00Z", "lastSuccessAt": "2026-11-21T07:45:00Z", "nextPollAt": "2026-11-22T09:05:00Z",
                 "consecutiveFailures": %d, "failing": %s, "lastOutcome": "%s", "lastError": %s}"""
                .formatted(id, failures, failing, outcome, error == null ? "null" : "\"" + error + "\"");
    }

    private WebTestClient web() {
        return GatewayClients.anonymous(port);
    }

    private WebTestClient reader() {
        return GatewayClients.reader(port);
    }

    private WebTestClient admin() {
        return GatewayClients.admin(port);
    }
}
