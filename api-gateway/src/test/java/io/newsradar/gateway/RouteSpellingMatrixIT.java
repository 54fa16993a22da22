package io.newsradar.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.gateway.GatewayRoutes.Route;
import io.newsradar.gateway.PathSpellings.Kind;
import io.newsradar.gateway.PathSpellings.Spelling;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.TestPropertySource;

/**
 * Every route the running gateway has (read from its context, not listed here) × every spelling of its path × no key,
 * a reader key and an admin key. Without a key, only the public paths below answer anything but 401; a reader key
 * never gets past an admin route; a spelling that could be read two ways is a 400 whoever asks; and every answer that
 * serves the page carries its security headers. A route added later is in the matrix the day it is added, as
 * {@link LaterRoute} (a route newsradar has not written yet, at a path no rule names) shows.
 */
@RunningGateway
@TestPropertySource(properties = {"newsradar.gateway.live.max-streams-per-key=100000", "newsradar.gateway.live.max-streams=100000"})
class RouteSpellingMatrixIT {

    private static final Logger log = LoggerFactory.getLogger(RouteSpellingMatrixIT.class);

    /** The paths anyone may read, as documented in docs/security/access.md. */
    private static final Set<String> PUBLIC = Set.of("/", "/index.html", "/app.js", "/article.js", "/chart.js", "/download.js", "/app.css",
            "/favicon.svg", "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness", "/actuator/prometheus",
            "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/swagger-config", "/swagger-ui.html");
    private static final String PUBLIC_FILES = "/webjars/swagger-ui/";
    /** The writes a reader key may make, on its own saved searches (docs/security/access.md); x1 is the routes' sample id. */
    private static final Set<String> OWN_SEARCH_WRITES = Set.of("POST /api/v1/searches", "PUT /api/v1/searches/x1",
            "DELETE /api/v1/searches/x1");
    /** Requests in flight at once. */
    private static final int CLIENTS = 4;
    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private enum Caller { NONE, READER, ADMIN }

    private enum Need { NOTHING, READER, ADMIN }

    @Value("${local.server.port}")
    int port;

    @Autowired
    ApplicationContext context;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> failures = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void installTheIndex() throws Exception {
        IndexedArticles.index(List.of());
    }

    @Test
    void noSpellingOfAnyRouteLetsACallerPastWhatItsKeyAllows() throws Exception {
        List<Route> routes = GatewayRoutes.of(context);
        log.info("{} routes found in the context: {}", routes.size(), routes);
        assertThat(routes).extracting(Route::path).contains("/", "/app.js", "/index.html", "/api/v1/articles", "/api/v1/articles/x1",
                "/api/v1/facets", "/api/v1/codes", "/api/v1/stream", "/api/v1/export", "/api/v1/feeds", "/api/v1/feeds/x1", "/api/v1/feeds/opml",
                "/feeds/v1/articles.atom", "/feeds/v1/articles.rss", "/actuator/health", "/v3/api-docs", LaterRoute.PATH);
        assertThat(routes).contains(new Route(HttpMethod.POST, "/api/v1/feeds", false), new Route(HttpMethod.DELETE, "/api/v1/feeds/x1", false),
                new Route(HttpMethod.HEAD, "/api/v1/export", false));

        List<Callable<Void>> checks = new ArrayList<>();
        for (Route route : routes) {
            List<Spelling> spellings = PathSpellings.of(route.path());
            for (HttpMethod method : methodsFor(route)) {
                for (Spelling spelling : method == route.method() ? spellings : PathSpellings.sample(spellings)) {
                    // An ambiguous spelling is refused before any key is looked at: no key and the strongest key show it.
                    for (Caller caller : spelling.kind() == Kind.AMBIGUOUS ? List.of(Caller.NONE, Caller.ADMIN) : List.of(Caller.values())) {
                        checks.add(() -> check(route, method, spelling, caller));
                    }
                }
            }
        }
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (Future<Void> done : clients.invokeAll(checks)) {
                done.get();
            }
        } finally {
            clients.shutdownNow();
        }
        log.info("route-by-spelling matrix: {} cases over {} routes, {} failed", checks.size(), routes.size(), failures.size());
        assertThat(failures.stream().sorted().limit(100).toList())
                .as("%d of %d cases over %d routes failed, the first 100", failures.size(), checks.size(), routes.size()).isEmpty();
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aFailingRequestIsLoggedAndAnsweredWithoutItsKey(CapturedOutput output) throws Exception {
        Answer answer = send(HttpMethod.GET, LaterRoute.PATH + "?fail=true&api_key=" + TestKeys.READER + "&lang=vi", Caller.NONE);

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.body()).doesNotContain(TestKeys.READER);
        assertThat(output.getOut()).contains("500 Server Error for HTTP GET", LaterRoute.PATH + "?fail=true&lang=vi")
                .doesNotContain(TestKeys.READER);
    }

    /** The route's own method (every spelling); for a read also HEAD, OPTIONS and a write (a sample of them). */
    private static List<HttpMethod> methodsFor(Route route) {
        return route.method() == HttpMethod.GET
                ? List.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.POST)
                : List.of(route.method());
    }

    private Void check(Route route, HttpMethod method, Spelling spelling, Caller caller) throws IOException, InterruptedException {
        Answer answer = send(method, spelling.raw(), caller);
        String where = method + " " + spelling.raw() + " (" + spelling.name() + " of " + route.path() + ") with " + caller + " key";
        if (spelling.kind() == Kind.AMBIGUOUS) {
            if (answer.status() != 400 || !answer.refusedAsAmbiguous(method)) {
                failures.add(where + ": " + answer.status() + " instead of a 400 'Ambiguous path'");
            }
            return null;
        }
        Need need = need(method, route.path(), spelling.kind());
        int status = answer.status();
        boolean refused = status == 401 || status == 403;
        switch (caller) {
            case NONE -> {
                if (need != Need.NOTHING && status != 401) {
                    failures.add(where + ": " + status + " instead of 401");
                }
                if (need == Need.NOTHING && refused) {
                    failures.add(where + ": " + status + " for a public path");
                }
            }
            case READER -> {
                if (need == Need.ADMIN && status != 403) {
                    failures.add(where + ": " + status + " instead of 403");
                }
                if (need != Need.ADMIN && refused) {
                    failures.add(where + ": " + status + " for a reader route");
                }
            }
            case ADMIN -> {
                if (refused) {
                    failures.add(where + ": " + status + " for an admin key");
                }
            }
        }
        if (route.page() && spelling.kind() == Kind.SAME && status / 100 == 2 && !answer.pageHeaders()) {
            failures.add(where + ": " + status + " serves the page without its Content-Security-Policy and nosniff");
        }
        return null;
    }

    private static Need need(HttpMethod method, String path, Kind kind) {
        if (!READS.contains(method)) {
            return kind == Kind.SAME && OWN_SEARCH_WRITES.contains(method + " " + path) ? Need.READER : Need.ADMIN;
        }
        boolean isPublic = kind == Kind.SAME && method != HttpMethod.OPTIONS && (PUBLIC.contains(path) || path.startsWith(PUBLIC_FILES));
        return isPublic ? Need.NOTHING : Need.READER;
    }

    /** A route no access rule names, as one added later would be. */
    @TestConfiguration(proxyBeanMethods = false)
    static class LaterRouteConfiguration {

        @Bean
        LaterRoute laterRoute() {
            return new LaterRoute();
        }
    }

    /** {@code GET} reads, {@code POST} writes, and {@code ?fail=true} fails as a bug would. */
    @RestController
    static class LaterRoute {

        static final String PATH = "/later/v1/things";

        @GetMapping(PATH)
        String read(@RequestParam(required = false) String fail) {
            if ("true".equals(fail)) {
                throw new IllegalStateException("the later route failed");
            }
            return "things";
        }

        @PostMapping(PATH)
        String write() {
            return "written";
        }
    }

    private record Answer(int status, String body, String contentType, boolean pageHeaders) {

        /** The gateway's own 400 problem; a HEAD answer has its headers only. */
        boolean refusedAsAmbiguous(HttpMethod method) {
            return method == HttpMethod.HEAD ? contentType.startsWith("application/problem+json") : body.contains("\"Ambiguous path\"");
        }
    }

    private Answer send(HttpMethod method, String raw, Caller caller) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(GatewayClients.base(port) + raw))
                .timeout(Duration.ofSeconds(20)).header("Accept", "*/*");
        if (READS.contains(method)) {
            request.method(method.name(), HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method.name(), HttpRequest.BodyPublishers.ofString("{}"));
        }
        switch (caller) {
            case READER -> request.header("X-Api-Key", TestKeys.READER);
            case ADMIN -> request.header("X-Api-Key", TestKeys.ADMIN);
            case NONE -> {
            }
        }
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            boolean stream = contentType.startsWith("text/event-stream");
            String body = stream ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            boolean pageHeaders = response.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'none'")
                    && response.headers().firstValue("X-Content-Type-Options").orElse("").equals("nosniff");
            return new Answer(response.statusCode(), body, contentType, pageHeaders);
        }
    }
}
