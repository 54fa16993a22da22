package io.newsradar.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.server.RequestPath;

class RoutedPathTest {

    @ParameterizedTest(name = "{0} routes as {1}")
    @CsvSource({
            "/api/v1/articles,             /api/v1/articles",
            "/%61pi/v1/articles,           /api/v1/articles",
            "/%66eeds/v1/articles.atom,    /feeds/v1/articles.atom",
            "/api/v1/%66%65%65%64%73,      /api/v1/feeds",
            "/%69ndex.html,                /index.html",
            "/API/v1/articles,             /API/v1/articles",
            "/,                            /",
            "/api/v1/articles/a%20b,       /api/v1/articles/a b",
    })
    void readsThePathAsTheRouterMatchesIt(String raw, String routed) {
        RoutedPath path = RoutedPath.of(RequestPath.parse(raw, null));

        assertThat(path.isUnambiguous()).isTrue();
        assertThat(path.value()).isEqualTo(routed);
    }

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource(delimiter = '|', value = {
            "/api;x=1/v1/articles        | segment 1 'api;x=1' carries matrix parameters",
            "/api/v1/articles;jsessionid | segment 3 'articles;jsessionid' carries matrix parameters",
            "/api/v1/feeds;              | segment 3 'feeds;' carries matrix parameters",
            "/api/v1%2Ffeeds             | holds an encoded '/'",
            "/api/v1%2ffeeds             | holds an encoded '/'",
            "/api/v1%5Cfeeds             | holds an encoded '\\'",
            "/api/v1/articles%00         | holds the control character U+0000",
            "/api/v1/articles%0a         | holds the control character U+000A",
            "/api//v1/articles           | empty segment",
            "//api/v1/articles           | empty segment",
            "/api/./v1/articles          | segment 2 '.' is a dot segment",
            "/api/v1/x/../feeds          | segment 4 '..' is a dot segment",
            "/api/v1/%2e%2e/feeds        | is a dot segment",
            "/api/v1/articles/           | it ends with '/'",
            "/%2561pi/v1/articles        | holds an encoded '%'",
    })
    void refusesAPathThatCouldBeReadTwoWays(String raw, String why) {
        RoutedPath path = RoutedPath.of(RequestPath.parse(raw, null));

        assertThat(path.isUnambiguous()).isFalse();
        assertThat(path.value()).isNull();
        assertThat(path.ambiguity()).contains(why);
        assertThat(path.raw()).isEqualTo(raw);
    }

    @org.junit.jupiter.api.Test
    void givesTheDecodedSegments() {
        assertThat(RoutedPath.of(RequestPath.parse("/webjars/swagger%2Dui/index.html", null)).segments())
                .isEqualTo(List.of("webjars", "swagger-ui", "index.html"));
        assertThat(RoutedPath.of(RequestPath.parse("/", null)).segments()).isEmpty();
    }
}
