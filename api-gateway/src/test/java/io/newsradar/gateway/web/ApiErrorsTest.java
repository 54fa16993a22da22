package io.newsradar.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

class ApiErrorsTest {

    private final ApiErrors errors = new ApiErrors();

    @Test
    void answersAQueryElasticsearchRefusesAsMalformedWithA400() {
        ResponseEntity<ProblemDetail> answer = errors.searchRefused(refusal(400, "illegal_argument_exception"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().getDetail()).contains("illegal_argument_exception");
        assertThat(answer.getBody().getProperties()).containsEntry("parameter", "query");
    }

    @Test
    void answersABackEndFailureWithA503() {
        ResponseEntity<ProblemDetail> answer = errors.searchRefused(refusal(500, "search_phase_execution_exception"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getBody().getDetail()).doesNotContain("search_phase_execution_exception");
    }

    private static ElasticsearchException refusal(int status, String type) {
        return new ElasticsearchException("search", ErrorResponse.of(r -> r.status(status)
                .error(e -> e.type(type).reason("the reason Elasticsearch gives"))));
    }
}
