package io.newsradar.gateway.feedadmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsradar.contracts.FeedSpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeedRequestsTest {

    @Test
    void readsAFeedAndIgnoresFieldsItDoesNotKnow() {
        FeedSpec spec = FeedRequests.spec(bytes("{\"feedId\": \"a\", \"url\": \"https://e.vn/r\", \"pollInterval\": \"PT10M\", \"x\": 1}"), null);

        assertThat(spec.feedId()).isEqualTo("a");
        assertThat(spec.pollInterval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(spec.enabled()).isTrue();
    }

    @Test
    void takesTheIdFromThePathWhenTheBodyLeavesItOut() {
        assertThat(FeedRequests.spec(bytes("{\"url\": \"https://e.vn/r\"}"), "from-path").feedId()).isEqualTo("from-path");
    }

    @Test
    void namesTheFieldAValidationMessageIsAbout() {
        assertThatThrownBy(() -> FeedRequests.spec(bytes("{\"feedId\": \"a\", \"url\": \"https://e.vn/r\", \"pollInterval\": \"PT0S\"}"), null))
                .isInstanceOfSatisfying(InvalidFeedException.class, e -> {
                    assertThat(e.field()).isEqualTo("pollInterval");
                    assertThat(e.getMessage()).isEqualTo("FeedSpec a: pollInterval must be positive, was PT0S");
                });
    }

    @Test
    void namesTheFieldJacksonCouldNotRead() {
        assertThatThrownBy(() -> FeedRequests.spec(bytes("{\"feedId\": \"a\", \"url\": \"https://e.vn/r\", \"enabled\": \"maybe\"}"), null))
                .isInstanceOfSatisfying(InvalidFeedException.class, e -> {
                    assertThat(e.field()).isEqualTo("enabled");
                    assertThat(e.getMessage()).isEqualTo("enabled must be true or false, was a string");
                });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            feedId as an object     | {"feedId": {"a": 1}, "url": "https://e.vn/r"}     | feedId | feedId must be a string, was an object
            feedId as an array      | {"feedId": ["a"], "url": "https://e.vn/r"}        | feedId | feedId must be a string, was an array
            url as a number         | {"feedId": "a", "url": 7}                         | url    | url must be a string, was a number
            enabled as a string     | {"feedId": "a", "url": "https://e.vn/r", "enabled": "yes"} | enabled | enabled must be true or false, was a string
            pollInterval as object  | {"feedId": "a", "url": "https://e.vn/r", "pollInterval": {}} | pollInterval | pollInterval must be a number or a string, was an object
            schemaVersion as text   | {"schemaVersion": "1", "feedId": "a", "url": "https://e.vn/r"} | schemaVersion | schemaVersion must be a number, was a string
            """)
    void namesTheFieldOfTheWrongType(String name, String body, String field, String message) {
        assertThatThrownBy(() -> FeedRequests.spec(bytes(body), null))
                .isInstanceOfSatisfying(InvalidFeedException.class, e -> assertThat(e.field()).isEqualTo(field))
                .hasMessage(message);
    }

    @Test
    void namesTheFieldOfAPathFeedIdOfTheWrongType() {
        assertThatThrownBy(() -> FeedRequests.spec(bytes("{\"feedId\": [1, 2], \"url\": \"https://e.vn/r\"}"), "from-path"))
                .isInstanceOfSatisfying(InvalidFeedException.class, e -> assertThat(e.field()).isEqualTo("feedId"));
    }

    @Test
    void refusesJsonNestedPastItsBoundNamingTheFieldItIsIn() {
        String deep = "[".repeat(5000) + "]".repeat(5000);

        assertThatThrownBy(() -> FeedRequests.spec(bytes("{\"feedId\": \"a\", \"title\": " + deep + "}"), null))
                .isInstanceOfSatisfying(InvalidFeedException.class, e -> assertThat(e.field()).isEqualTo("title"))
                .hasMessageStartingWith("the body is not valid JSON in title: ")
                .hasMessageContaining("nesting depth");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            empty                | ''                                 | the body must be a feed as a JSON object
            an array             | [1]                                | the body must be a feed as a JSON object
            a string             | '"feed"'                           | the body must be a feed as a JSON object
            truncated            | '{"feedId": "a", "url": "htt'      | the body is not valid JSON in url:
            two objects          | '{"feedId": "a"} {"feedId": "b"}'  | the body is not valid JSON
            trailing garbage     | '{"feedId": "a"} ]'                | the body is not valid JSON
            a huge number        | '{"schemaVersion": 1e99999999}'    | schemaVersion:
            a long number        | '{"schemaVersion": 1111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111}' | the body is not valid JSON in schemaVersion
            """)
    void refusesABodyThatIsNoFeedSayingWhy(String name, String body, String message) {
        assertThatThrownBy(() -> FeedRequests.spec(bytes(body), null))
                .isInstanceOf(InvalidFeedException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void refusesBytesThatAreNotUtf8() {
        byte[] body = {'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

        assertThatThrownBy(() -> FeedRequests.spec(body, null))
                .isInstanceOfSatisfying(InvalidFeedException.class, e -> assertThat(e.field()).isEqualTo("title"))
                .hasMessageStartingWith("the body is not valid JSON in title: ");
    }

    @Test
    void refusesBytesInAnEncodingJsonDoesNotHave() {
        byte[] body = {0, '2', 0, 0, 0, 0, '2'};

        assertThatThrownBy(() -> FeedRequests.spec(body, null))
                .isInstanceOfSatisfying(InvalidFeedException.class, e -> assertThat(e.field()).isNull())
                .hasMessageStartingWith("the body is not valid JSON: ");
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
