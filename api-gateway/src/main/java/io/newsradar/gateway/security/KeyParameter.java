package io.newsradar.gateway.security;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
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
 *
 * <p>A request whose key came as {@code api_key=} is marked so ({@link #givenAsParameter}): the Atom and RSS feeds write
 * their paging links with the key for such a reader, which cannot send a header on the links it follows either. The mark
 * is a header only this class sets; one a client sends is taken away.
 */
public final class KeyParameter implements HttpHandler {

    /** The header marking a request whose key was lifted out of {@code api_key=}. */
    static final String GIVEN_AS_PARAMETER = "Newsradar-Key-Given-As-Parameter";

    private final HttpHandler delegate;

    public KeyParameter(HttpHandler delegate) {
        this.delegate = delegate;
    }

    @Override
    public Mono<Void> handle(ServerHttpRequest request, ServerHttpResponse response) {
        return delegate.handle(lift(request), response);
    }

    /**
     * The key the client gave as {@code api_key=} (and authenticated with, when {@link ApiKeyFilter} let the request in),
     * or empty when it sent the key in a header or not at all.
     */
    public static Optional<String> givenAsParameter(ServerHttpRequest request) {
        HttpHeaders headers = request.getHeaders();
        return headers.getFirst(GIVEN_AS_PARAMETER) == null ? Optional.empty() : Optional.ofNullable(headers.getFirst(ApiKeyFilter.HEADER));
    }

    /**
     * The request without {@code api_key=} in its URI, the key (if any) moved to {@code X-Api-Key} and the request
     * marked {@linkplain #givenAsParameter given as a parameter}; without a mark the client set itself.
     */
    static ServerHttpRequest lift(ServerHttpRequest request) {
        URI stripped = strip(request.getURI());
        boolean marked = request.getHeaders().getFirst(GIVEN_AS_PARAMETER) != null;
        if (stripped == null) {
            return marked ? request.mutate().headers(h -> h.remove(GIVEN_AS_PARAMETER)).build() : request;
        }
        String key = request.getQueryParams().getFirst(ApiKeyFilter.PARAMETER);
        HttpHeaders headers = request.getHeaders();
        boolean keyHeader = headers.getFirst(ApiKeyFilter.HEADER) != null
                || headers.getFirst(HttpHeaders.AUTHORIZATION) != null && headers.getFirst(HttpHeaders.AUTHORIZATION)
                        .regionMatches(true, 0, "Bearer ", 0, 7);
        ServerHttpRequest.Builder lifted = request.mutate().uri(stripped).headers(h -> h.remove(GIVEN_AS_PARAMETER));
        if (key != null && !key.isBlank() && !keyHeader) {
            lifted.header(ApiKeyFilter.HEADER, key).header(GIVEN_AS_PARAMETER, "api_key");
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
