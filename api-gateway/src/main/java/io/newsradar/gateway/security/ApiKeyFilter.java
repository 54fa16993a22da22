package io.newsradar.gateway.security;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsradar.contracts.Redaction;
import io.newsradar.gateway.web.RoutedPath;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decides every request on the path the router will match ({@link RoutedPath}), never on its spelling. A path that
 * could be read two ways ({@code ;parameters}, an encoded {@code /}, {@code //}, {@code /./}…) is refused with
 * {@code 400}, with or without a key. Then {@link AccessPolicy} says what the request needs: nothing for the page, the
 * probes and the API description; an API key for everything else, in {@code X-Api-Key}, in
 * {@code Authorization: Bearer}, or, for feed readers and browsers that cannot send headers, in {@code api_key=}; an
 * admin key for every method but {@code GET}, {@code HEAD} and {@code OPTIONS}, and the writes of a key's own saved
 * searches. Each key has a token bucket; past it, the answer is {@code 429} with {@code Retry-After}. Refusals are RFC
 * 9457 problem documents, counted in {@code newsradar_gateway_refused_total{reason}}.
 */
public final class ApiKeyFilter implements WebFilter, Ordered {

    /** The exchange attribute holding the {@link ApiKeys.Key} a request was let in with. */
    public static final String KEY_ATTRIBUTE = ApiKeyFilter.class.getName() + ".key";
    static final String HEADER = "X-Api-Key";
    static final String PARAMETER = "api_key";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ApiKeys keys;
    private final RateLimiter limiter;
    private final MeterRegistry meters;

    public ApiKeyFilter(ApiKeys keys, RateLimiter limiter, MeterRegistry meters) {
        this.keys = keys;
        this.limiter = limiter;
        this.meters = meters;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        RoutedPath path = RoutedPath.of(exchange);
        if (!path.isUnambiguous()) {
            return refuse(exchange, HttpStatus.BAD_REQUEST, "ambiguous-path", "Ambiguous path",
                    "the path '" + Redaction.mask(path.raw()) + "' is refused: " + path.ambiguity()
                            + "; newsradar routes are spelt with plain segments", null);
        }
        AccessPolicy.Need need = AccessPolicy.need(request.getMethod(), path.value(), path.segments());
        if (need == AccessPolicy.Need.NOTHING) {
            return chain.filter(exchange);
        }
        if (keys.isEmpty()) {
            return refuse(exchange, HttpStatus.UNAUTHORIZED, "no-keys", "No API keys configured",
                    "this gateway has no API keys: set newsradar.gateway.api-keys (name, sha256, role)", null);
        }
        String presented = presented(request);
        if (presented == null) {
            return refuse(exchange, HttpStatus.UNAUTHORIZED, "missing", "API key needed",
                    "send your API key in the X-Api-Key header, as Authorization: Bearer, or as api_key=", null);
        }
        Optional<ApiKeys.Key> key = keys.find(presented);
        if (key.isEmpty()) {
            return refuse(exchange, HttpStatus.UNAUTHORIZED, "unknown", "Unknown API key", "this API key is not known", null);
        }
        if (need == AccessPolicy.Need.ADMIN && key.get().role() != ApiKeys.Role.ADMIN) {
            return refuse(exchange, HttpStatus.FORBIDDEN, "forbidden", "Admin key needed",
                    request.getMethod().name() + " " + path.value() + " needs an admin key; '" + key.get().name()
                            + "' is a reader key", null);
        }
        RateLimiter.Decision decision = limiter.take(key.get().name());
        if (!decision.allowed()) {
            long seconds = Math.max(1, (decision.retryAfter().toMillis() + 999) / 1000);
            return refuse(exchange, HttpStatus.TOO_MANY_REQUESTS, "rate", "Too many requests",
                    "the key '" + key.get().name() + "' is over its rate limit; retry after " + seconds + " s", seconds);
        }
        exchange.getAttributes().put(KEY_ATTRIBUTE, key.get());
        return chain.filter(withoutKeyParameter(exchange));
    }

    private static String presented(ServerHttpRequest request) {
        String header = request.getHeaders().getFirst(HEADER);
        if (header != null && !header.isBlank()) {
            return header;
        }
        String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7);
        }
        return request.getQueryParams().getFirst(PARAMETER);
    }

    /**
     * The request as the handlers see it: the key is not one of the query's parameters. {@link KeyParameter} has
     * already taken it out of every request that came through the server; this covers any that did not.
     */
    private static ServerWebExchange withoutKeyParameter(ServerWebExchange exchange) {
        if (KeyParameter.strip(exchange.getRequest().getURI()) == null) {
            return exchange;
        }
        return exchange.mutate().request(KeyParameter.lift(exchange.getRequest())).build();
    }

    private Mono<Void> refuse(ServerWebExchange exchange, HttpStatus status, String reason, String title, String detail, Long retryAfter) {
        meters.counter("newsradar.gateway.refused", "reason", reason).increment();
        ObjectNode problem = JSON.createObjectNode();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", Redaction.mask(exchange.getRequest().getPath().value()));
        var response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"newsradar\"");
        }
        if (retryAfter != null) {
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter));
        }
        byte[] body = JSON.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
