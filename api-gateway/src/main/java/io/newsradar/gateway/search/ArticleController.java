package io.newsradar.gateway.search;

import io.newsradar.contracts.ArticleId;
import io.newsradar.gateway.GatewayProperties;
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
@RequestMapping("/api/v1/articles")
public class ArticleController {

    private final ArticleSearch search;
    private final GatewayProperties properties;
    private final RegionCodes regions;

    public ArticleController(ArticleSearch search, GatewayProperties properties, RegionCodes regions) {
        this.search = search;
        this.properties = properties;
        this.regions = regions;
    }

    /** Articles matching every filter given, newest first (or best match first), a page at a time. */
    @GetMapping
    public Mono<ArticlePage> list(@RequestParam MultiValueMap<String, String> parameters) {
        ArticleQuery query = ArticleQuery.from(parameters, properties.defaultPageSize(), properties.maxPageSize(), regions);
        return search.search(query);
    }

    /** One article with its tags, scores and evidence. */
    @GetMapping("/{id}")
    public Mono<ArticleView> get(@PathVariable String id) {
        if (!ArticleId.isValid(id)) {
            throw new InvalidQueryException("id", "'" + id + "' is not an article id (22 characters of URL-safe base64)");
        }
        return search.find(id).switchIfEmpty(Mono.error(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "no article with id " + id)));
    }
}
