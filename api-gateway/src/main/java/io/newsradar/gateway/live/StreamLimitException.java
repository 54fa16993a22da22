package io.newsradar.gateway.live;

import org.springframework.http.HttpStatus;

/** A stream refused because its API key, or the gateway, holds as many as it may: {@code 429} or {@code 503}. */
public final class StreamLimitException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    /** Seconds a client should wait before trying again. */
    private static final long RETRY_AFTER = 5;

    private final HttpStatus status;

    private StreamLimitException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    static StreamLimitException perKey(String key, int max) {
        return new StreamLimitException(HttpStatus.TOO_MANY_REQUESTS, "the key '" + key + "' already holds " + max
                + " open streams, the most one key may (newsradar.gateway.live.max-streams-per-key); close one first");
    }

    static StreamLimitException overall(int max) {
        return new StreamLimitException(HttpStatus.SERVICE_UNAVAILABLE, "this gateway holds " + max
                + " open streams, the most it may (newsradar.gateway.live.max-streams); retry shortly");
    }

    public HttpStatus status() {
        return status;
    }

    public long retryAfterSeconds() {
        return RETRY_AFTER;
    }
}
