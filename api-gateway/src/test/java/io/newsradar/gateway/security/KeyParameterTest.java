package io.newsradar.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class KeyParameterTest {

    @ParameterizedTest(name = "{0} reads {1}")
    @CsvSource(delimiter = '|', value = {
            "/api/v1/articles?api_key=k1                      | /api/v1/articles",
            "/api/v1/articles?lang=vi&api_key=k1&size=5       | /api/v1/articles?lang=vi&size=5",
            "/api/v1/articles?%61pi_key=k1&q=%5Bx%5D          | /api/v1/articles?q=%5Bx%5D",
            "/api/v1/articles?api_key=k1&api_key=k2&q=a%20b   | /api/v1/articles?q=a%20b",
            "/feeds/v1/articles.atom?pair=JP-VN&api_key=      | /feeds/v1/articles.atom?pair=JP-VN",
    })
    void takesEveryKeyParameterOutOfTheUriAndLeavesTheRestAsSpelt(String given, String left) {
        ServerHttpRequest lifted = KeyParameter.lift(request(given).build());

        assertThat(lifted.getURI().toString()).isEqualTo("http://gateway.test" + left);
        assertThat(lifted.getQueryParams()).doesNotContainKey("api_key");
    }

    @Test
    void passesTheKeyOnAsTheKeyHeader() {
        ServerHttpRequest lifted = KeyParameter.lift(request("/api/v1/facets?api_key=k1&pair=JP-VN").build());

        assertThat(lifted.getHeaders().getFirst("X-Api-Key")).isEqualTo("k1");
    }

    @Test
    void aKeyHeaderOrBearerTokenStillWinsOverTheParameter() {
        assertThat(KeyParameter.lift(request("/api/v1/facets?api_key=k1").header("X-Api-Key", "k0").build())
                .getHeaders().get("X-Api-Key")).containsExactly("k0");
        ServerHttpRequest bearer = KeyParameter.lift(request("/api/v1/facets?api_key=k1").header(HttpHeaders.AUTHORIZATION, "Bearer k0").build());
        assertThat(bearer.getHeaders().getFirst("X-Api-Key")).isNull();
        assertThat(bearer.getURI().getRawQuery()).isNull();
    }

    @Test
    void marksAKeyGivenAsParameterSoTheFeedsCanWriteItIntoTheirLinks() {
        ServerHttpRequest lifted = KeyParameter.lift(request("/feeds/v1/articles.atom?api_key=k1").build());

        assertThat(KeyParameter.givenAsParameter(lifted)).contains("k1");
    }

    @Test
    void aKeySentInAHeaderIsNotMarkedAndAMarkTheClientSentIsTakenAway() {
        assertThat(KeyParameter.givenAsParameter(KeyParameter.lift(request("/feeds/v1/articles.atom")
                .header("X-Api-Key", "k0").build()))).isEmpty();
        assertThat(KeyParameter.givenAsParameter(KeyParameter.lift(request("/feeds/v1/articles.atom?api_key=k1")
                .header("X-Api-Key", "k0").build()))).isEmpty();
        for (String uri : List.of("/feeds/v1/articles.atom", "/feeds/v1/articles.atom?lang=vi", "/feeds/v1/articles.atom?api_key=")) {
            ServerHttpRequest spoofed = request(uri).header("X-Api-Key", "k0")
                    .header(KeyParameter.GIVEN_AS_PARAMETER, "api_key").build();
            assertThat(KeyParameter.givenAsParameter(KeyParameter.lift(spoofed))).as(uri).isEmpty();
        }
    }

    @Test
    void leavesARequestWithoutTheParameterAlone() {
        ServerHttpRequest request = request("/api/v1/articles?lang=vi&key_hint=1").build();

        assertThat(KeyParameter.lift(request)).isSameAs(request);
        assertThat(KeyParameter.strip(URI.create("http://gateway.test/"))).isNull();
    }

    private static MockServerHttpRequest.BaseBuilder<?> request(String pathAndQuery) {
        return MockServerHttpRequest.method(HttpMethod.GET, URI.create("http://gateway.test" + pathAndQuery));
    }
}
