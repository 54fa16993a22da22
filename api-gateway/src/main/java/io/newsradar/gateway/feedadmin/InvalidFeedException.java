package io.newsradar.gateway.feedadmin;

import org.springframework.http.HttpStatus;

/**
 * A request the feed registry refuses: a 400 (or 413 for a body past its limit) whose {@code field} names the part of
 * the feed that is wrong, when there is one.
 */
public final class InvalidFeedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final HttpStatus status;

    InvalidFeedException(String field, String message) {
        this(field, message, HttpStatus.BAD_REQUEST, null);
    }

    InvalidFeedException(String field, String message, HttpStatus status, Throwable cause) {
        super(message, cause);
        this.field = field;
        this.status = status;
    }

    /** The FeedSpec field, or {@code null} when the request as a whole is wrong. */
    public String field() {
        return field;
    }

    public HttpStatus status() {
        return status;
    }
}
