package io.newsradar.gateway.story;

import io.newsradar.contracts.ArticleId;
import io.newsradar.gateway.GatewayProperties;
import io.newsradar.gateway.search.ArticleQuery;
import io.newsradar.gateway.search.InvalidQueryException;
import io.newsradar.gateway.search.KnownCodes;
import io.newsradar.gateway.web.ArticleFilters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/** {@code GET /api/v1/stories} and {@code GET /api/v1/stories/{id}}: articles that report the same event, grouped. */
@RestController
@Tag(name = "stories", description = "Articles reporting the same event, across sources and languages")
@RequestMapping("/api/v1/stories")
public class StoryController {

    static final int DEFAULT_SIZE = 20;

    private final StorySearch search;
    private final GatewayProperties properties;
    private final KnownCodes codes;

    public StoryController(StorySearch search, GatewayProperties properties, KnownCodes codes) {
        this.search = search;
        this.properties = properties;
        this.codes = codes;
    }

    /** The largest stories among the articles the filters match. */
    @GetMapping
    @ArticleFilters
    @Operation(summary = "The stories of the matching articles, largest first",
            description = "Each story is counted on the articles that match the filters (from and to choose the period), with"
                    + " their distinct sources and languages, the first and last publication times and the newest headline."
                    + " total is how many stories hold a matching article.")
    @Parameters(@Parameter(name = "size", in = ParameterIn.QUERY, description = "stories to list, 1 to 100 (newsradar.gateway.max-page-size), default 20",
            schema = @Schema(type = "integer", minimum = "1", maximum = "100")))
    public Mono<StoryPage> list(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        MultiValueMap<String, String> filters = new LinkedMultiValueMap<>(parameters);
        List<String> sizes = filters.remove("size");
        ArticleQuery query = ArticleQuery.filters(filters, codes, Set.of());
        return search.stories(query, size(sizes));
    }

    /** One story and its articles. */
    @GetMapping("/{id}")
    @Operation(summary = "One story: its size, sources, languages and times, and its articles earliest first",
            description = "404 when no article is in the story (a story merged into another has no articles of its own any more).")
    public Mono<StoryDetail> get(@Parameter(description = "the story id: the id of the article that opened it (22 characters of URL-safe base64)")
                                 @PathVariable String id) {
        if (!ArticleId.isValid(id)) {
            String shown = id.length() > 40 ? id.substring(0, 40) + "…" : id;
            throw new InvalidQueryException("id", "'" + shown + "' is not a story id (the id of the article that opened it:"
                    + " 22 characters of URL-safe base64)");
        }
        return search.story(id, properties.maxPageSize()).switchIfEmpty(Mono.error(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "no story with id " + id)));
    }

    private int size(List<String> raw) {
        if (raw == null || raw.isEmpty()) {
            return Math.min(DEFAULT_SIZE, properties.maxPageSize());
        }
        if (raw.size() > 1) {
            throw new InvalidQueryException("size", "size may be given once");
        }
        try {
            int size = Integer.parseInt(raw.get(0).trim());
            if (size >= 1 && size <= properties.maxPageSize()) {
                return size;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidQueryException("size", "size must be a whole number from 1 to " + properties.maxPageSize()
                + ", was '" + raw.get(0) + "'");
    }
}
