package io.newsradar.gateway.security;

import io.newsradar.gateway.web.NewsroomPage;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpMethod;

/**
 * Who may make a request, decided on its {@linkplain io.newsradar.gateway.web.RoutedPath routed path} and method alone,
 * and denying by default. Without a key: {@code GET} and {@code HEAD} of the newsroom page and its files, the health
 * probes, the metrics and the API description, and nothing else. With a reader key: {@code GET}, {@code HEAD} and
 * {@code OPTIONS} of any path, and the writes of the saved searches ({@code POST /api/v1/searches}, {@code PUT} and
 * {@code DELETE /api/v1/searches/{id}}), where the routes themselves let a key change only the searches it owns. With
 * an admin key: every method, so that every other write (the feed registry's and any route added later) needs an admin
 * key.
 */
public final class AccessPolicy {

    /** What a request needs. */
    public enum Need { NOTHING, READER, ADMIN }

    /** The health probes and the metrics, for load balancers, orchestrators and scrapers that hold no key. */
    static final Set<String> OPERATIONS = Set.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness",
            "/actuator/prometheus");
    /** The OpenAPI description and its UI (springdoc's paths). */
    static final Set<String> API_DESCRIPTION = Set.of("/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/swagger-config",
            "/swagger-ui.html");
    /** The UI's files: the decoded segments these start with (dot segments never get this far). */
    static final List<List<String>> API_DESCRIPTION_FILES = List.of(List.of("webjars", "swagger-ui"));

    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    /** The saved searches' collection, whose decoded segments are exactly these (plus an id for one search). */
    static final List<String> SEARCHES = List.of("api", "v1", "searches");

    private AccessPolicy() {
    }

    /** What a request with this method needs on this routed path (decoded, unambiguous). */
    public static Need need(HttpMethod method, String path, List<String> segments) {
        if (!READS.contains(method)) {
            return isOwnSearchWrite(method, segments) ? Need.READER : Need.ADMIN;
        }
        if (method != HttpMethod.OPTIONS && isPublic(path, segments)) {
            return Need.NOTHING;
        }
        return Need.READER;
    }

    /** A saved search created, replaced or deleted: each key may write its own. */
    private static boolean isOwnSearchWrite(HttpMethod method, List<String> segments) {
        if (method == HttpMethod.POST) {
            return segments.equals(SEARCHES);
        }
        return (method == HttpMethod.PUT || method == HttpMethod.DELETE) && segments.size() == SEARCHES.size() + 1
                && segments.subList(0, SEARCHES.size()).equals(SEARCHES) && !segments.get(SEARCHES.size()).isEmpty();
    }

    private static boolean isPublic(String path, List<String> segments) {
        return NewsroomPage.serves(path) || OPERATIONS.contains(path) || API_DESCRIPTION.contains(path)
                || API_DESCRIPTION_FILES.stream().anyMatch(prefix -> segments.size() > prefix.size()
                        && segments.subList(0, prefix.size()).equals(prefix));
    }
}
