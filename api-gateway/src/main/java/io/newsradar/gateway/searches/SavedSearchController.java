package io.newsradar.gateway.searches;

import io.newsradar.contracts.SavedSearch;
import io.newsradar.gateway.live.StreamController;
import io.newsradar.gateway.search.ArticleQuery;
import io.newsradar.gateway.search.InvalidQueryException;
import io.newsradar.gateway.search.KnownCodes;
import io.newsradar.gateway.security.ApiKeyFilter;
import io.newsradar.gateway.security.ApiKeys;
import io.newsradar.gateway.syndication.ArticleFeedController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The saved searches: {@code /api/v1/searches}. Any key saves searches of its own and sees and changes only those (an
 * admin key: all); another key's search is a 404, as if absent. Each search has its own Atom and RSS feeds and live
 * stream, served by the same code as {@code /feeds/v1/articles.atom} and {@code /api/v1/stream}. The gateway only writes
 * {@code news.searches} and reads it back; alert-service reads it and delivers.
 */
@RestController
@RequestMapping("/api/v1/searches")
@Tag(name = "searches", description = "Saved searches (news.searches): article filters kept under a name, delivered by webhook,"
        + " followed as a feed or a stream")
public class SavedSearchController {

    private static final String EXAMPLE = "{\"name\": \"Labour news, Ho Chi Minh City\", \"query\": {\"region\": [\"VN-SG\"],"
            + " \"topic\": [\"labour\"]}, \"webhook\": {\"url\": \"https://hooks.example.com/newsradar\", \"batch\": 10, \"window\": \"PT5M\"}}";

    private final SavedSearches searches;
    private final KnownCodes codes;
    private final ArticleFeedController feeds;
    private final StreamController streams;

    public SavedSearchController(SavedSearches searches, KnownCodes codes, ArticleFeedController feeds, StreamController streams) {
        this.searches = searches;
        this.codes = codes;
        this.feeds = feeds;
        this.streams = streams;
    }

    /** The key's saved searches (an admin's: every one). */
    public record SearchList(int total, List<SavedSearchView> searches) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Save a search, owned by the calling key",
            description = "The query takes the filters of /api/v1/articles (pair, country, region, topic, lang, source, feed, q,"
                    + " minConfidence), each with a value or an array of values, checked by the same rules; from and to cannot be"
                    + " saved. The webhook URL must be absolute http or https without user info; batch 1 to 100 (default 1), window"
                    + " an ISO-8601 duration up to PT24H. The answer holds webhook.secret, the HMAC-SHA256 key of the deliveries'"
                    + " X-Newsradar-Signature-256, shown this once only. Answers once this gateway has read the write back. The"
                    + " body is at most 16 KB, nested at most 4 deep; unknown fields are refused.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object", example = EXAMPLE))),
            responses = {@ApiResponse(responseCode = "201", description = "saved; Location names it"),
                    @ApiResponse(responseCode = "400", description = "not a valid search: field names what is wrong (query.region, webhook.url…)"),
                    @ApiResponse(responseCode = "413", description = "a body over 16 KB"),
                    @ApiResponse(responseCode = "503", description = "Kafka did not acknowledge in time")})
    public Mono<ResponseEntity<SavedSearchView>> create(@Parameter(hidden = true) ServerWebExchange exchange) {
        ApiKeys.Key key = key(exchange);
        return SavedSearchRequests.body(exchange.getRequest())
                .map(body -> SavedSearchRequests.read(body, false, codes))
                .flatMap(request -> blocking(() -> searches.create(request, key)))
                .map(saved -> ResponseEntity.status(HttpStatus.CREATED)
                        .location(URI.create("/api/v1/searches/" + saved.search().searchId()))
                        .body(saved.view()));
    }

    @GetMapping
    @Operation(summary = "The calling key's saved searches; an admin key's: every one", description = "Webhook secrets are never shown here.")
    public Mono<SearchList> list(@Parameter(hidden = true) ServerWebExchange exchange) {
        ApiKeys.Key key = key(exchange);
        return blocking(() -> {
            List<SavedSearchView> views = searches.list(key).stream().map(search -> SavedSearchView.of(search, false)).toList();
            return new SearchList(views.size(), views);
        });
    }

    @GetMapping("/{id}")
    @Operation(summary = "One saved search", description = "Its webhook secret is never shown here.",
            responses = {@ApiResponse(responseCode = "200"),
                    @ApiResponse(responseCode = "404", description = "no such search among the calling key's")})
    public Mono<SavedSearchView> get(@PathVariable String id, @Parameter(hidden = true) ServerWebExchange exchange) {
        ApiKeys.Key key = key(exchange);
        return own(id, key).map(search -> SavedSearchView.of(search, false));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace a saved search's name, query, webhook and enabled flag",
            description = "As POST; the owner, the creation time and the webhook secret are kept. \"rotateSecret\": true makes a"
                    + " new secret, shown in this answer only (as is the first secret of a webhook added here).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object", example = EXAMPLE))),
            responses = {@ApiResponse(responseCode = "200"),
                    @ApiResponse(responseCode = "400", description = "not a valid search: field names what is wrong"),
                    @ApiResponse(responseCode = "404", description = "no such search among the calling key's")})
    public Mono<SavedSearchView> replace(@PathVariable String id, @Parameter(hidden = true) ServerWebExchange exchange) {
        ApiKeys.Key key = key(exchange);
        return SavedSearchRequests.body(exchange.getRequest())
                .map(body -> SavedSearchRequests.read(body, true, codes))
                .flatMap(request -> blocking(() -> searches.replace(id, request, key).orElseThrow(() -> new SavedSearchNotFoundException(id))))
                .map(SavedSearches.Saved::view);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Remove a saved search (a tombstone on news.searches)", responses = {@ApiResponse(responseCode = "204"),
            @ApiResponse(responseCode = "404", description = "no such search among the calling key's")})
    public Mono<ResponseEntity<Void>> delete(@PathVariable String id, @Parameter(hidden = true) ServerWebExchange exchange) {
        ApiKeys.Key key = key(exchange);
        return blocking(() -> {
            if (!searches.delete(id, key)) {
                throw new SavedSearchNotFoundException(id);
            }
            return ResponseEntity.noContent().build();
        });
    }

    @GetMapping("/{id}/feed.atom")
    @Operation(summary = "The saved search's newest articles as Atom 1.0",
            description = "As /feeds/v1/articles.atom with the search's filters; paged the same way.",
            responses = {@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/atom+xml", schema = @Schema(type = "string"))),
                    @ApiResponse(responseCode = "404", description = "no such search among the calling key's")})
    @Parameters({@Parameter(name = "size", in = ParameterIn.QUERY, description = "entries, 1 to 100, default 50",
            schema = @Schema(type = "integer", minimum = "1", maximum = "100")),
            @Parameter(name = "cursor", in = ParameterIn.QUERY, description = "where the previous page ended, as its rel=\"next\" link"
                    + " gives it; opaque", schema = @Schema(type = "string"))})
    public Mono<ResponseEntity<String>> atom(@PathVariable String id,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
            @Parameter(hidden = true) ServerWebExchange exchange) {
        return feed(id, parameters, exchange, true);
    }

    @GetMapping("/{id}/feed.rss")
    @Operation(summary = "The saved search's newest articles as RSS 2.0",
            description = "As /feeds/v1/articles.rss with the search's filters; paged the same way.",
            responses = {@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/rss+xml", schema = @Schema(type = "string"))),
                    @ApiResponse(responseCode = "404", description = "no such search among the calling key's")})
    @Parameters({@Parameter(name = "size", in = ParameterIn.QUERY, description = "entries, 1 to 100, default 50",
            schema = @Schema(type = "integer", minimum = "1", maximum = "100")),
            @Parameter(name = "cursor", in = ParameterIn.QUERY, description = "where the previous page ended, as its rel=\"next\" link"
                    + " gives it; opaque", schema = @Schema(type = "string"))})
    public Mono<ResponseEntity<String>> rss(@PathVariable String id,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
            @Parameter(hidden = true) ServerWebExchange exchange) {
        return feed(id, parameters, exchange, false);
    }

    @GetMapping(path = "/{id}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "The saved search's articles as they are classified, as server-sent events",
            description = "As /api/v1/stream with the search's filters, resumable the same way (Last-Event-ID or lastEventId=).",
            responses = {@ApiResponse(responseCode = "200"),
                    @ApiResponse(responseCode = "404", description = "no such search among the calling key's")})
    @Parameters({
            @Parameter(name = "Last-Event-ID", in = ParameterIn.HEADER, description = "the id of the last event received: resume after it",
                    schema = @Schema(type = "string")),
            @Parameter(name = "lastEventId", in = ParameterIn.QUERY, description = "the same, for clients that cannot send the header;"
                    + " the header wins", schema = @Schema(type = "string"))})
    public Flux<ServerSentEvent<String>> stream(@PathVariable String id,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
            @Parameter(hidden = true) @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
            @Parameter(hidden = true) ServerWebExchange exchange) {
        for (String parameter : parameters.keySet()) {
            if (!parameter.equals("lastEventId")) {
                throw new InvalidQueryException(parameter, "unknown parameter '" + parameter + "'; a saved search's stream takes"
                        + " lastEventId, its filters are the search's");
            }
        }
        ApiKeys.Key key = key(exchange);
        return own(id, key).flatMapMany(search -> streams.open(ArticleQuery.saved(filters(search), codes), parameters, lastEventId, exchange));
    }

    private Mono<ResponseEntity<String>> feed(String id, MultiValueMap<String, String> parameters, ServerWebExchange exchange, boolean atom) {
        ApiKeys.Key key = key(exchange);
        return own(id, key).flatMap(search -> feeds.savedSearch(search.name(), filters(search), parameters, exchange, atom));
    }

    /** The search, if the key may see it, else a 404. */
    private Mono<SavedSearch> own(String id, ApiKeys.Key key) {
        return blocking(() -> searches.find(id, key).orElseThrow(() -> new SavedSearchNotFoundException(id)));
    }

    private static MultiValueMap<String, String> filters(SavedSearch search) {
        return new LinkedMultiValueMap<>(search.query());
    }

    /** The key the request was let in with ({@link ApiKeyFilter} lets no request to these routes in without one). */
    private static ApiKeys.Key key(ServerWebExchange exchange) {
        ApiKeys.Key key = exchange.getAttribute(ApiKeyFilter.KEY_ATTRIBUTE);
        if (key == null) {
            throw new IllegalStateException("a saved-search route was reached without an API key");
        }
        return key;
    }

    private static <T> Mono<T> blocking(Callable<T> call) {
        return Mono.fromCallable(call).subscribeOn(Schedulers.boundedElastic());
    }
}
