package io.newsradar.gateway.web;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.newsradar.contracts.Redaction;
import io.newsradar.gateway.feedadmin.FeedNotFoundException;
import io.newsradar.gateway.feedadmin.FeedRegistryUnavailableException;
import io.newsradar.gateway.feedadmin.InvalidFeedException;
import io.newsradar.gateway.live.StreamLimitException;
import io.newsradar.gateway.search.InvalidQueryException;
import io.newsradar.gateway.search.SearchLimiter;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns failures into RFC 9457 problem documents that say what went wrong and which parameter caused it. */
@RestControllerAdvice
public class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(InvalidQueryException.class)
    ResponseEntity<ProblemDetail> invalidQuery(InvalidQueryException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid query");
        problem.setProperty("parameter", e.parameter());
        if (e.value() != null) {
            problem.setProperty("value", e.value());
        }
        return problem(problem);
    }

    /**
     * Elasticsearch refusing a query (its 400) is the request's fault, not the back end's: a 400 problem, logged as one
     * line without a stack trace. Everything else Elasticsearch answers is a back-end failure: a 503.
     */
    @ExceptionHandler(ElasticsearchException.class)
    ResponseEntity<ProblemDetail> searchRefused(ElasticsearchException e) {
        if (e.status() != HttpStatus.BAD_REQUEST.value()) {
            return searchUnavailable(e);
        }
        String type = e.error() == null || e.error().type() == null ? "refused" : e.error().type();
        log.atInfo().addKeyValue("esError", type).log("Elasticsearch refused a query as malformed: {}", type);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "the search cannot be run with these parameters (" + type + "); check the filters, sort and cursor");
        problem.setTitle("Invalid query");
        problem.setProperty("parameter", "query");
        return problem(problem);
    }

    @ExceptionHandler({TimeoutException.class, IOException.class})
    ResponseEntity<ProblemDetail> searchUnavailable(Exception e) {
        log.atWarn().setCause(e).log("search failed: {}", Redaction.mask(e.getMessage()));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "search is unavailable right now; try again shortly");
        problem.setTitle("Search unavailable");
        return problem(problem);
    }

    @ExceptionHandler(SearchLimiter.OverloadedException.class)
    ResponseEntity<ProblemDetail> overloaded(SearchLimiter.OverloadedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("Too busy");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(InvalidFeedException.class)
    ResponseEntity<ProblemDetail> invalidFeed(InvalidFeedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setTitle(e.status() == HttpStatus.BAD_REQUEST ? "Invalid feed" : "Body too large");
        if (e.field() != null) {
            problem.setProperty("field", e.field());
        }
        return problem(problem);
    }

    @ExceptionHandler(StreamLimitException.class)
    ResponseEntity<ProblemDetail> tooManyStreams(StreamLimitException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setTitle(e.status() == HttpStatus.TOO_MANY_REQUESTS ? "Too many streams for this key" : "Too many streams");
        return ResponseEntity.status(e.status()).header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(FeedNotFoundException.class)
    ResponseEntity<ProblemDetail> feedNotFound(FeedNotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("No such feed");
        return problem(problem);
    }

    @ExceptionHandler(FeedRegistryUnavailableException.class)
    ResponseEntity<ProblemDetail> feedRegistryUnavailable(FeedRegistryUnavailableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("Feed registry unavailable");
        return problem(problem);
    }

    /**
     * The problem as {@code application/problem+json} whatever the route produces: a failed {@code /api/v1/stream}
     * request (which asks for {@code text/event-stream}) gets a problem document too, not an event.
     */
    private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
