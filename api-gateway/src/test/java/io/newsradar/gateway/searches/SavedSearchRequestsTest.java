package io.newsradar.gateway.searches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsradar.gateway.search.KnownCodes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class SavedSearchRequestsTest {

    private static final KnownCodes CODES = KnownCodes.load(null);

    @Test
    void readsASearchWithItsQueryWebhookAndFlag() throws IOException {
        SavedSearchRequest request = SavedSearchRequests.read(fixture("labour-in-hanoi.json"), false, CODES);

        assertThat(request.name()).isEqualTo("Labour news from Hanoi");
        assertThat(request.query()).containsEntry("region", List.of("VN-HN")).containsEntry("topic", List.of("labour"))
                .containsEntry("minConfidence", List.of("0.6"));
        assertThat(request.webhook()).isEqualTo(new SavedSearchRequest.Webhook("https://hooks.example.org/newsradar?channel=labour", 5,
                Duration.ofMinutes(2)));
        assertThat(request.enabled()).isFalse();
        assertThat(request.rotateSecret()).isFalse();
    }

    @Test
    void aSearchWithoutWebhookIsEnabledAndDeliversOnePerPostWhenAWebhookHasNoBatch() {
        assertThat(read("{\"name\": \"All\", \"query\": {}}").webhook()).isNull();
        assertThat(read("{\"name\": \"All\", \"query\": {}}").enabled()).isTrue();
        SavedSearchRequest.Webhook webhook = read("{\"name\": \"All\", \"query\": {}, \"webhook\": {\"url\": \"http://10.0.0.5:8080/in\"}}").webhook();
        assertThat(webhook.batch()).isEqualTo(1);
        assertThat(webhook.window()).isNull();
    }

    @Test
    void anUnknownRegionIsRefusedNamingQueryRegionAndTheValue() throws IOException {
        byte[] body = fixture("unknown-region.json");

        assertThatThrownBy(() -> SavedSearchRequests.read(body, false, CODES))
                .isInstanceOfSatisfying(InvalidSearchException.class, e -> {
                    assertThat(e.field()).isEqualTo("query.region");
                    assertThat(e.value()).isEqualTo("VN-99");
                    assertThat(e.getMessage()).startsWith("query.region: region 'VN-99' is not an ISO 3166-2 code");
                    assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown field                | {"name": "a", "query": {}, "colour": "red"}                             | colour
            name missing                 | {"query": {}}                                                           | name
            name blank                   | {"name": "  ", "query": {}}                                             | name
            name not text                | {"name": 7, "query": {}}                                                | name
            name with a control char     | {"name": "a\\u0007b", "query": {}}                                      | name
            query missing                | {"name": "a"}                                                           | query
            query an array               | {"name": "a", "query": ["VN"]}                                          | query
            unknown parameter            | {"name": "a", "query": {"colour": "red"}}                               | query.colour
            sort is not a filter         | {"name": "a", "query": {"sort": "newest"}}                              | query.sort
            from cannot be saved         | {"name": "a", "query": {"from": "2026-01-01"}}                          | query.from
            unknown country              | {"name": "a", "query": {"country": ["XX"]}}                             | query.country
            malformed pair               | {"name": "a", "query": {"pair": "VN"}}                                  | query.pair
            unknown topic                | {"name": "a", "query": {"topic": "gossip"}}                             | query.topic
            confidence out of range      | {"name": "a", "query": {"minConfidence": 2}}                            | query.minConfidence
            confidence twice             | {"name": "a", "query": {"minConfidence": [0.1, 0.2]}}                   | query.minConfidence
            value an object              | {"name": "a", "query": {"lang": {"vi": true}}}                          | query.lang
            value true                   | {"name": "a", "query": {"lang": [true]}}                                | query.lang
            empty text                   | {"name": "a", "query": {"q": "  "}}                                     | query.q
            webhook not an object        | {"name": "a", "query": {}, "webhook": "https://x.example"}              | webhook
            webhook without url          | {"name": "a", "query": {}, "webhook": {"batch": 2}}                     | webhook.url
            webhook relative url         | {"name": "a", "query": {}, "webhook": {"url": "/hooks/in"}}             | webhook.url
            webhook ftp url              | {"name": "a", "query": {}, "webhook": {"url": "ftp://x.example/in"}}    | webhook.url
            webhook url with password    | {"name": "a", "query": {}, "webhook": {"url": "https://u:p@x.example"}} | webhook.url
            webhook url with no host     | {"name": "a", "query": {}, "webhook": {"url": "https:///in"}}           | webhook.url
            webhook url not a URL        | {"name": "a", "query": {}, "webhook": {"url": "https://x.example/a b"}} | webhook.url
            webhook secret given         | {"name": "a", "query": {}, "webhook": {"url": "https://x.example", "secret": "s"}} | webhook.secret
            webhook unknown field        | {"name": "a", "query": {}, "webhook": {"url": "https://x.example", "retries": 3}}  | webhook.retries
            batch zero                   | {"name": "a", "query": {}, "webhook": {"url": "https://x.example", "batch": 0}}    | webhook.batch
            batch too large              | {"name": "a", "query": {}, "webhook": {"url": "https://x.example", "batch": 101}}  | webhook.batch
            batch a fraction             | {"name": "a", "query": {}, "webhook": {"url": "https://x.example", "batch": 1.5}}  | webhook.batch
            window not a duration        | {"name": "a", "query": {}, "webhook": {"url": "https://x.example", "window": "5m"}} | webhook.window
            window negative              | {"name": "a", "query": {}, "webhook": {"url": "https://x.example", "window": "-PT1M"}} | webhook.window
            window past a day            | {"name": "a", "query": {}, "webhook": {"url": "https://x.example", "window": "PT25H"}} | webhook.window
            enabled not a flag           | {"name": "a", "query": {}, "enabled": "yes"}                            | enabled
            rotateSecret on a new search | {"name": "a", "query": {}, "webhook": {"url": "https://x.example"}, "rotateSecret": true} | rotateSecret
            """)
    void eachRefusalNamesItsField(String problem, String body, String field) {
        assertThatThrownBy(() -> read(body))
                .as(problem)
                .isInstanceOfSatisfying(InvalidSearchException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).contains(field);
                });
    }

    @Test
    void rotateSecretIsForAPutOfASearchWithAWebhook() {
        String body = "{\"name\": \"a\", \"query\": {}, \"webhook\": {\"url\": \"https://x.example\"}, \"rotateSecret\": true}";
        assertThat(SavedSearchRequests.read(body.getBytes(StandardCharsets.UTF_8), true, CODES).rotateSecret()).isTrue();

        assertThatThrownBy(() -> SavedSearchRequests.read("{\"name\": \"a\", \"query\": {}, \"rotateSecret\": true}"
                .getBytes(StandardCharsets.UTF_8), true, CODES))
                .isInstanceOfSatisfying(InvalidSearchException.class, e -> assertThat(e.field()).isEqualTo("rotateSecret"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            empty body        | ''
            not an object     | [1, 2]
            truncated         | {"name": "a", "query": {
            two objects       | {"name": "a", "query": {}} {}
            nested too deep   | {"name": "a", "query": {"q": [[[["deep"]]]]}}
            """)
    void aBodyThatIsNotOneShallowObjectIsRefusedAsAWhole(String problem, String body) {
        assertThatThrownBy(() -> read(body))
                .as(problem)
                .isInstanceOfSatisfying(InvalidSearchException.class, e -> {
                    assertThat(e.field()).isNull();
                    assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                });
    }

    @Test
    void aBodyPastSixteenKilobytesIsA413() {
        byte[] large = ("{\"name\": \"" + "a".repeat(20_000) + "\", \"query\": {}}").getBytes(StandardCharsets.UTF_8);
        MockServerHttpRequest request = MockServerHttpRequest.post("/api/v1/searches").body(new String(large, StandardCharsets.UTF_8));

        assertThatThrownBy(() -> SavedSearchRequests.body(request).block())
                .isInstanceOfSatisfying(InvalidSearchException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
                    assertThat(e.getMessage()).contains("16384 bytes");
                });
    }

    private static SavedSearchRequest read(String body) {
        return SavedSearchRequests.read(body.getBytes(StandardCharsets.UTF_8), false, CODES);
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = SavedSearchRequestsTest.class.getResourceAsStream("/searches/" + name)) {
            return in.readAllBytes();
        }
    }
}
