package io.newsradar.gateway.searches;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The saved searches' failures as RFC 9457 problem documents: which field is wrong, which search is not there. */
@RestControllerAdvice
class SavedSearchProblems {

    @ExceptionHandler(InvalidSearchException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidSearchException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setTitle(e.status() == HttpStatus.BAD_REQUEST ? "Invalid saved search" : "Body too large");
        if (e.field() != null) {
            problem.setProperty("field", e.field());
        }
        if (e.value() != null) {
            problem.setProperty("value", e.value());
        }
        return problem(problem);
    }

    @ExceptionHandler(SavedSearchNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(SavedSearchNotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("No such saved search");
        return problem(problem);
    }

    @ExceptionHandler(SavedSearchesUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(SavedSearchesUnavailableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("Saved searches unavailable");
        return problem(problem);
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
