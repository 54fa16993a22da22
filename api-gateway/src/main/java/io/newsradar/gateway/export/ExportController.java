package io.newsradar.gateway.export;

import io.newsradar.gateway.GatewayProperties;
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
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** {@code GET /api/v1/export}: every article the filters match, streamed; {@code HEAD}: how many there are. */
@RestController
@Tag(name = "export", description = "Every article matching the filters, streamed as NDJSON or CSV")
public class ExportController {

    static final String PATH = "/api/v1/export";

    private final ArticleExport export;
    private final ExportWriter writer;
    private final ExportLimits limits;
    private final KnownCodes codes;
    private final GatewayProperties.Export properties;

    ExportController(ArticleExport export, ExportWriter writer, ExportLimits limits, KnownCodes codes, GatewayProperties properties) {
        this.export = export;
        this.writer = writer;
        this.limits = limits;
        this.codes = codes;
        this.properties = properties.export();
    }

    /** Every matching article, newest first then by id, in one response; resumable after the last id received. */
    @GetMapping(PATH)
    @ArticleFilters
    @Operation(summary = "Every article matching the filters, streamed",
            description = "Newest first, then by id, from one point in time. application/x-ndjson (default): one article per line"
                    + " as /api/v1/articles/{id} gives it, then a trailer line {\"export\":{\"rows\":N,\"complete\":true,\"last\":\"<id>\"}}."
                    + " text/csv: a header row, then one row per article; the HTTP trailer fields Export-Rows, Export-Complete and"
                    + " Export-Last follow. to is required; from defaults to to minus 366 days (newsradar.gateway.export.max-span),"
                    + " the longest span allowed. A key runs at most 2 exports at once (429 past it). See docs/api.md.")
    @Parameters({
            @Parameter(name = ExportQuery.AFTER, in = ParameterIn.QUERY, description = "the id of the last article received: continue after it",
                    schema = @Schema(type = "string")),
            @Parameter(name = ExportQuery.FORMAT, in = ParameterIn.QUERY, description = "ndjson or csv, for links that cannot send Accept;"
                    + " wins over Accept", schema = @Schema(type = "string", allowableValues = {"ndjson", "csv"}))})
    public Mono<Void> export(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
            @Parameter(hidden = true) ServerWebExchange exchange) {
        ExportQuery query = ExportQuery.of(parameters, codes, properties.maxSpan());
        ExportFormat format = ExportFormat.of(query.format(), exchange.getRequest().getHeaders().getAccept());
        String key = key(exchange);
        ExportLimits.Permit permit = limits.acquire(key);
        return export.start(query.after())
                .flatMap(start -> writer.write(exchange.getResponse(), format, export.articles(query.filters(), start), key))
                .doFinally(signal -> permit.release());
    }

    /** The headers an export would have, and {@code Export-Rows}: how many articles the filters match now. */
    @RequestMapping(path = PATH, method = RequestMethod.HEAD)
    @ArticleFilters
    @Operation(summary = "How many articles an export of these filters holds now (Export-Rows), without them")
    public Mono<ResponseEntity<Void>> count(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
            @Parameter(hidden = true) ServerWebExchange exchange) {
        ExportQuery query = ExportQuery.of(parameters, codes, properties.maxSpan());
        ExportFormat format = ExportFormat.of(query.format(), exchange.getRequest().getHeaders().getAccept());
        return export.count(query.filters()).map(rows -> ResponseEntity.ok().contentType(format.mediaType())
                .header(ExportWriter.ROWS, String.valueOf(rows)).cacheControl(org.springframework.http.CacheControl.noStore()).build());
    }

    @ExceptionHandler(ExportLimits.LimitReached.class)
    ResponseEntity<ProblemDetail> limitReached(ExportLimits.LimitReached e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setTitle(e.status() == HttpStatus.TOO_MANY_REQUESTS ? "Too many exports for this key" : "Too many exports");
        problem.setProperty("limit", e.limit());
        return ResponseEntity.status(e.status()).header(HttpHeaders.RETRY_AFTER, String.valueOf(ExportLimits.LimitReached.RETRY_AFTER))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(NotAcceptableStatusException.class)
    ResponseEntity<ProblemDetail> notAcceptable(NotAcceptableStatusException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_ACCEPTABLE, "an export is written as"
                + " application/x-ndjson or text/csv, and the Accept header allows neither; or pass format=ndjson or format=csv");
        problem.setTitle("Not acceptable");
        problem.setProperty("parameter", "Accept");
        return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String key(ServerWebExchange exchange) {
        ApiKeys.Key key = exchange.getAttribute(ApiKeyFilter.KEY_ATTRIBUTE);
        return key == null ? "" : key.name();
    }
}
