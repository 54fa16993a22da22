package io.newsradar.gateway.live;

import io.newsradar.gateway.search.ArticleQuery;
import io.newsradar.gateway.search.InvalidQueryException;
import io.newsradar.gateway.search.KnownCodes;
import io.newsradar.gateway.security.ApiKeyFilter;
import io.newsradar.gateway.security.ApiKeys;
import io.newsradar.gateway.web.ArticleFilters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;

/** {@code GET /api/v1/stream}: matching articles as they are classified, as server-sent events. */
@RestController
@Tag(name = "stream", description = "Articles as they are classified, as server-sent events")
public class StreamController {

    static final String LAST_EVENT_ID = "Last-Event-ID";
    /** For a client that cannot send the header on its first request (a browser's EventSource sends it only on reconnects). */
    static final String LAST_EVENT_ID_PARAMETER = "lastEventId";

    private final LiveStreams streams;
    private final KnownCodes codes;

    public StreamController(LiveStreams streams, KnownCodes codes) {
        this.streams = streams;
        this.codes = codes;
    }

    @GetMapping(path = "/api/v1/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ArticleFilters(story = false)
    @Operation(summary = "Matching articles as they are classified, as server-sent events",
            description = "Each event is `event: article`, `id:` a position to resume from, `data:` the article as"
                    + " /api/v1/articles/{id} gives it. With Last-Event-ID, the articles missed since that event come first"
                    + " (from the index), then the live flow, without gaps or repeats. A stream that falls too far behind gets"
                    + " `event: gap` and ends: reconnect with its id as Last-Event-ID. Comment lines are heartbeats. Articles"
                    + " published before newsradar.gateway.live.horizon (48 h) are not pushed.")
    @Parameters({
            @Parameter(name = LAST_EVENT_ID, in = ParameterIn.HEADER, description = "the id of the last event received: resume after it",
                    schema = @Schema(type = "string", example = "1763629200123-q3B8o5y0dq2yqD7kYF8bUw")),
            @Parameter(name = LAST_EVENT_ID_PARAMETER, in = ParameterIn.QUERY, description = "the same, for clients that cannot send"
                    + " the header; the header wins", schema = @Schema(type = "string"))})
    public Flux<ServerSentEvent<String>> stream(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
            @Parameter(hidden = true) @RequestHeader(name = LAST_EVENT_ID, required = false) String lastEventId,
            @Parameter(hidden = true) ServerWebExchange exchange) {
        if (parameters.containsKey("story")) {
            // An article is classified before its story is found: the live stream cannot tell its story yet.
            throw new InvalidQueryException("story", "story is not a filter of the live stream: an article is streamed before"
                    + " its story is known; use GET /api/v1/articles?story=");
        }
        return open(ArticleQuery.filters(parameters, codes, Set.of(LAST_EVENT_ID_PARAMETER)), parameters, lastEventId, exchange);
    }

    /**
     * The stream of the articles a query chooses, resumed after {@code Last-Event-ID} (the header, else the
     * {@code lastEventId} parameter) as {@code /api/v1/stream} is: for a saved search's stream too.
     */
    public Flux<ServerSentEvent<String>> open(ArticleQuery query, MultiValueMap<String, String> parameters, String lastEventId,
            ServerWebExchange exchange) {
        EventPosition from = null;
        if (lastEventId != null && !lastEventId.isBlank()) {
            from = EventPosition.parse(lastEventId, LAST_EVENT_ID);
        } else if (parameters.getFirst(LAST_EVENT_ID_PARAMETER) != null) {
            from = EventPosition.parse(parameters.getFirst(LAST_EVENT_ID_PARAMETER), LAST_EVENT_ID_PARAMETER);
        }
        ApiKeys.Key key = exchange.getAttribute(ApiKeyFilter.KEY_ATTRIBUTE);
        return streams.open(query, from, key == null ? "" : key.name());
    }
}
