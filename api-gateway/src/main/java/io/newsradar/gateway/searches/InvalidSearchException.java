package io.newsradar.gateway.searches;

import org.springframework.http.HttpStatus;

/**
 * A saved search the gateway refuses: a 400 (or 413 for a body past its limit) whose {@code field} names the part that
 * is wrong ({@code name}, {@code query.region}, {@code webhook.url}…) and whose {@code value} repeats what was refused.
 */
public final class InvalidSearchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String value;
    private final HttpStatus status;

    InvalidSearchException(String field, String message) {
        this(field, null, message);
    }

    InvalidSearchException(String field, String value, String message) {
        this(field, value, message, HttpStatus.BAD_REQUEST, null);
    }

    InvalidSearchException(String field, String value, String message, HttpStatus status, Throwable cause) {
        super(message, cause);
        this.field = field;
        this.value = value;
        this.status = status;
    }

    /** The field, dotted for a nested one, or {@code null} when the body as a whole is wrong. */
    public String field() {
        return field;
    }

    /** The value refused, or {@code null}. */
    public String value() {
        return value;
    }

    public HttpStatus status() {
        return status;
    }
}
