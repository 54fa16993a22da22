package io.newsradar.gateway.search;

import io.newsradar.contracts.ArticleId;
import io.newsradar.gateway.GatewayProperties;
import io.newsradar.gateway.web.ArticleFilters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/** {@code GET /api/v1/articles} and {@code GET /api/v1/articles/{id}}. */
@RestController
@Tag(name = "articles", description = "Classified articles with their tags, scores and evidence")
@RequestMapping("/api/v1/articles")
public class ArticleController {

    private final ArticleSearch search;
    private final GatewayProperties properties;
    private final KnownCodes codes;

    public ArticleController(ArticleSearch search, GatewayProperties properties, KnownCodes codes) {
        this.search = search;
        this.properties = properties;
        this.codes = codes;
    }

    /**
     * Articles matching every filter given, newest first (or best match first), a page at a time; or, with
     * {@code collapse=story}, the first article of each story.
     */
    @GetMapping
    @ArticleFilters
    @Operation(summary = "Articles matching every filter, a page at a time",
            description = "Newest first (or best match first with sort=relevance). total is counted up to 10,000 (totalMore"
                    + " says there are more). Pass next back as cursor, with the same filters, for the next page; it is null on"
                    + " the last. No offset paging.")
    @Parameters({
            @Parameter(name = "sort", in = ParameterIn.QUERY, description = "newest (default) or relevance (needs q)",
                    schema = @Schema(type = "string", allowableValues = {"newest", "relevance"})),
            @Parameter(name = "size", in = ParameterIn.QUERY, description = "articles per page, 1 to 100 (newsradar.gateway.max-page-size), default 20",
                    schema = @Schema(type = "integer", minimum = "1", maximum = "100")),
            @Parameter(name = "cursor", in = ParameterIn.QUERY, description = "the previous page's next, opaque; the filters and sort must be the same",
                    schema = @Schema(type = "string")),
            @Parameter(name = ArticleQuery.COLLAPSE, in = ParameterIn.QUERY, description = "story: one article per story, each with its"
                    + " story's article count, sources and languages; one page, no cursor; articles in no story are left out",
                    schema = @Schema(type = "string", allowableValues = {"story"}))})
    public Mono<ArticlePage> list(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        ArticleQuery query = ArticleQuery.from(parameters, properties.defaultPageSize(), properties.maxPageSize(), codes);
        return search.search(query);
    }

    /** One article with its tags, scores and evidence. */
    @GetMapping("/{id}")
    @Operation(summary = "One article with every tag's score and evidence")
    public Mono<ArticleView> get(@Parameter(description = "the article id: 22 characters of URL-safe base64 (the hash of its canonical URL)")
                                 @PathVariable String id) {
        if (!ArticleId.isValid(id)) {
            throw new InvalidQueryException("id", "'" + id + "' is not an article id (22 characters of URL-safe base64)");
        }
        return search.find(id).switchIfEmpty(Mono.error(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "no article with id " + id)));
    }
}
