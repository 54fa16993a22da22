package io.newsradar.gateway.security;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;

/**
 * Takes the {@code api_key=} query parameter out of every request before anything else sees it, so that no log line,
 * error page, problem document or handler ever holds the key: the key goes on as the {@code X-Api-Key} header (when the
 * request carries no key header of its own, which would win anyway), and the URI keeps every other parameter as it
 * was spelt. Installed around the whole gateway as an {@link HttpHandler} decorator.
 */
public final class KeyParameter implements HttpHandler {

    private final HttpHandler delegate;

    public KeyParameter(HttpHandler delegate) {
        this.delegate = delegate;
    }

    @Override
    public Mono<Void> handle(ServerHttpRequest request, ServerHttpResponse response) {
        return delegate.handle(lift(request), response);
    }

    /** The request without {@code api_key=} in its URI, the key (if any) moved to {@code X-Api-Key}. */
    static ServerHttpRequest lift(ServerHttpRequest request) {
        URI stripped = strip(request.getURI());
        if (stripped == null) {
            return request;
        }
        String key = request.getQueryParams().getFirst(ApiKeyFilter.PARAMETER);
        HttpHeaders headers = request.getHeaders();
        boolean keyHeader = headers.getFirst(ApiKeyFilter.HEADER) != null
                || headers.getFirst(HttpHeaders.AUTHORIZATION) != null && headers.getFirst(HttpHeaders.AUTHORIZATION)
                        .regionMatches(true, 0, "Bearer ", 0, 7);
        ServerHttpRequest.Builder lifted = request.mutate().uri(stripped);
        if (key != null && !key.isBlank() && !keyHeader) {
            lifted.header(ApiKeyFilter.HEADER, key);
        }
        return lifted.build();
    }

    /**
     * The URI without any {@code api_key} parameter (however its name is percent-encoded), every other one left as
     * spelt; {@code null} when it has none, or when it cannot be rebuilt.
     */
    static URI strip(URI uri) {
        String query = uri.getRawQuery();
        if (query == null) {
            return null;
        }
        StringJoiner kept = new StringJoiner("&");
        boolean found = false;
        for (String pair : query.split("&", -1)) {
            String name = pair.split("=", 2)[0];
            if (decode(name).equals(ApiKeyFilter.PARAMETER)) {
                found = true;
            } else if (!pair.isEmpty()) {
                kept.add(pair);
            }
        }
        if (!found) {
            return null;
        }
        String text = uri.toString();
        int question = text.indexOf('?');
        if (question < 0) {
            return null;
        }
        try {
            return URI.create(kept.length() == 0 ? text.substring(0, question) : text.substring(0, question + 1) + kept);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String decode(String name) {
        try {
            return URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return name;
        }
    }
}
