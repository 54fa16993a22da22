package io.newsradar.gateway.feedadmin;

import io.newsradar.contracts.FeedSpec;
import io.newsradar.contracts.OpmlFeeds;
import io.newsradar.gateway.GatewayProperties;
import io.newsradar.gateway.search.InvalidQueryException;
import io.newsradar.gateway.security.ApiKeyFilter;
import io.newsradar.gateway.security.ApiKeys;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The feed-registry admin API: {@code /api/v1/feeds}. Reads need a reader key, changes an admin key
 * ({@code ApiKeyFilter}). The gateway only writes {@code news.feeds} and reads it and {@code news.feed-state}; it never
 * calls ingest-service.
 */
@RestController
@RequestMapping("/api/v1/feeds")
@Tag(name = "feeds", description = "The feed registry (news.feeds) with each feed's health (news.feed-state). Changes need an admin key.")
public class FeedController {

    static final String OPML = "text/x-opml";
    private static final long MAX_SPEC_BYTES = 64 * 1024;

    private final FeedRegistryAdmin registry;
    private final GatewayProperties properties;

    public FeedController(FeedRegistryAdmin registry, GatewayProperties properties) {
        this.registry = registry;
        this.properties = properties;
    }

    /** Every feed, by id. */
    public record FeedList(int total, List<FeedView> feeds) {
    }

    /** What an OPML import wrote, and the outlines it could not read. */
    public record OpmlImport(int imported, List<String> feeds, List<String> problems) {
    }

    @GetMapping
    @Operation(summary = "Every feed in the registry with its health",
            description = "Health comes from ingest-service's news.feed-state; a feed without state is 'never polled'.")
    public Mono<FeedList> list(@Parameter(description = "true: only feeds ingest-service flags as failing", schema = @Schema(type = "boolean"))
                               @RequestParam(required = false) String failing,
                               @Parameter(hidden = true) ServerWebExchange exchange) {
        boolean failingOnly = failing != null && switch (failing) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidQueryException("failing", "failing must be true or false, was '" + failing + "'");
        };
        return blocking(() -> {
            List<FeedView> feeds = registry.list(failingOnly).stream().map(feed -> feed.seenBy(role(exchange))).toList();
            return new FeedList(feeds.size(), feeds);
        });
    }

    @GetMapping("/{id}")
    @Operation(summary = "One feed with its health", responses = {@ApiResponse(responseCode = "200"),
            @ApiResponse(responseCode = "404", description = "no such feed")})
    public Mono<FeedView> get(@PathVariable String id, @Parameter(hidden = true) ServerWebExchange exchange) {
        return blocking(() -> registry.find(id).orElseThrow(() -> new FeedNotFoundException(id)).seenBy(role(exchange)));
    }

    /** The role of the key the request was let in with; {@code null} (a reader's view) if none. */
    private static ApiKeys.Role role(ServerWebExchange exchange) {
        ApiKeys.Key key = exchange.getAttribute(ApiKeyFilter.KEY_ATTRIBUTE);
        return key == null ? null : key.role();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add a feed, or replace the one with its feedId",
            description = "201 with Location when the feed is new, 200 when it replaced one. Answers once Kafka acknowledged"
                    + " the write, and a following GET from this gateway sees it. The body is at most 64 KB; unknown fields are ignored.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = FeedSpec.class))),
            responses = {@ApiResponse(responseCode = "201", description = "added"),
                    @ApiResponse(responseCode = "200", description = "replaced the feed with the same feedId"),
                    @ApiResponse(responseCode = "400", description = "not a valid feed: the problem's field names what is wrong"),
                    @ApiResponse(responseCode = "413", description = "a body over 64 KB"),
                    @ApiResponse(responseCode = "503", description = "Kafka did not acknowledge in time")})
    public Mono<ResponseEntity<FeedView>> create(@Parameter(hidden = true) ServerWebExchange exchange) {
        return write(exchange, null);
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add or replace the feed with this id", description = "As POST; the body's feedId may be left out.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = FeedSpec.class))))
    public Mono<ResponseEntity<FeedView>> replace(@PathVariable String id, @Parameter(hidden = true) ServerWebExchange exchange) {
        return write(exchange, id);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Remove a feed (a tombstone on news.feeds)", responses = {@ApiResponse(responseCode = "204"),
            @ApiResponse(responseCode = "404", description = "no such feed")})
    public Mono<ResponseEntity<Void>> delete(@PathVariable String id) {
        return blocking(() -> {
            if (!registry.delete(id)) {
                throw new FeedNotFoundException(id);
            }
            return ResponseEntity.noContent().build();
        });
    }

    @PostMapping(path = "/opml", consumes = {OPML, MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    @Operation(summary = "Import every feed of an OPML subscription list",
            description = "Each outline with an xmlUrl becomes a feed (id: its newsradarId attribute, else a slug of the URL),"
                    + " added or replacing the one with its id. Outlines that cannot be read are listed in problems. At most"
                    + " newsradar.gateway.max-opml-size (1 MB), elements nested at most 64 deep, at most 10,000 outlines; a DOCTYPE is refused.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = OPML, schema = @Schema(type = "string"))),
            responses = {@ApiResponse(responseCode = "200"),
                    @ApiResponse(responseCode = "400", description = "not an OPML document (the parser's message says why)"),
                    @ApiResponse(responseCode = "413", description = "a document over newsradar.gateway.max-opml-size")})
    public Mono<OpmlImport> importOpml(@Parameter(hidden = true) ServerWebExchange exchange) {
        return FeedRequests.body(exchange.getRequest(), properties.maxOpmlSize().toBytes(), "an OPML document")
                // Parsing a document of up to max-opml-size takes time: never on an event-loop thread.
                .flatMap(body -> blocking(() -> {
                    try {
                        return OpmlFeeds.read(body, "the OPML document");
                    } catch (IllegalArgumentException e) {
                        throw new InvalidFeedException(null, e.getMessage());
                    }
                }))
                .flatMap(opml -> blocking(() -> {
                    registry.putAll(opml.feeds());
                    List<String> ids = opml.feeds().stream().map(FeedSpec::feedId).toList();
                    return new OpmlImport(ids.size(), ids, opml.problems());
                }));
    }

    private Mono<ResponseEntity<FeedView>> write(ServerWebExchange exchange, String pathId) {
        return FeedRequests.body(exchange.getRequest(), MAX_SPEC_BYTES, "a feed")
                .map(body -> FeedRequests.spec(body, pathId))
                .flatMap(spec -> blocking(() -> registry.put(spec)))
                .map(written -> ResponseEntity.status(written.replaced() ? HttpStatus.OK : HttpStatus.CREATED)
                        .location(URI.create("/api/v1/feeds/" + written.feed().feedId()))
                        .body(written.feed()));
    }

    private static <T> Mono<T> blocking(Callable<T> call) {
        return Mono.fromCallable(call).subscribeOn(Schedulers.boundedElastic());
    }
}
