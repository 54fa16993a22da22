package io.newsradar.gateway.search;

import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import io.newsradar.gateway.web.ArticleFilters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.Set;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /api/v1/facets}: counts for the articles matching the same filters as {@code /api/v1/articles}. */
@RestController
@Tag(name = "articles")
public class FacetController {

    private static final Map<String, CalendarInterval> INTERVALS = Map.of("hour", CalendarInterval.Hour,
            "day", CalendarInterval.Day, "week", CalendarInterval.Week, "month", CalendarInterval.Month);

    private final ArticleSearch search;
    private final KnownCodes codes;

    public FacetController(ArticleSearch search, KnownCodes codes) {
        this.search = search;
        this.codes = codes;
    }

    @GetMapping("/api/v1/facets")
    @ArticleFilters
    @Operation(summary = "Counts of the matching articles per tag, and a histogram of when they were published",
            description = "Exact counts per topic, pair, country, region and language; empty histogram buckets are included.")
    @Parameters(@Parameter(name = "interval", in = ParameterIn.QUERY, description = "the histogram's buckets, default day",
            schema = @Schema(type = "string", allowableValues = {"hour", "day", "week", "month"})))
    public Mono<Facets> facets(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        ArticleQuery query = ArticleQuery.filters(parameters, codes, Set.of("interval"));
        String interval = parameters.getFirst("interval") == null ? "day" : parameters.getFirst("interval");
        if (!INTERVALS.containsKey(interval)) {
            throw new InvalidQueryException("interval", "interval must be hour, day, week or month, was '" + interval + "'");
        }
        return search.facets(query, INTERVALS.get(interval));
    }
}
