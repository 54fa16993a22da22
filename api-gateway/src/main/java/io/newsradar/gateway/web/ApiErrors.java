package io.newsradar.gateway.web;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.newsradar.gateway.feeds.FeedNotFoundException;
import io.newsradar.gateway.feeds.FeedRegistryUnavailableException;
import io.newsradar.gateway.feeds.InvalidFeedException;
import io.newsradar.gateway.search.InvalidQueryException;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns failures into RFC 9457 problem documents that say what went wrong and which parameter caused it. */
@RestControllerAdvice
public class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(InvalidQueryException.class)
    ProblemDetail invalidQuery(InvalidQueryException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid query");
        problem.setProperty("parameter", e.parameter());
        return problem;
    }

    @ExceptionHandler({TimeoutException.class, IOException.class, ElasticsearchException.class})
    ProblemDetail searchUnavailable(Exception e) {
        log.atWarn().setCause(e).log("search failed: {}", e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "search is unavailable right now; try again shortly");
        problem.setTitle("Search unavailable");
        return problem;
    }

    @ExceptionHandler(InvalidFeedException.class)
    ProblemDetail invalidFeed(InvalidFeedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setTitle(e.status() == HttpStatus.BAD_REQUEST ? "Invalid feed" : "Body too large");
        if (e.field() != null) {
            problem.setProperty("field", e.field());
        }
        return problem;
    }

    @ExceptionHandler(FeedNotFoundException.class)
    ProblemDetail feedNotFound(FeedNotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("No such feed");
        return problem;
    }

    @ExceptionHandler(FeedRegistryUnavailableException.class)
    ProblemDetail feedRegistryUnavailable(FeedRegistryUnavailableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("Feed registry unavailable");
        return problem;
    }
}
