package io.newsradar.ingest.fetch;

import io.newsradar.contracts.Redaction;
import io.newsradar.ingest.system.Deadline;
import java.net.URI;
import java.time.Duration;

/** A fetch that failed; the message names the URL and what happened, with URL passwords and secret parameters masked. */
public class FetchException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Whether trying again can help. */
    public enum Kind {
        /** Timeouts (the total-time bound included), connection failures, 5xx, 429, 408: try again later. */
        TEMPORARY,
        /** 404, 410, other 4xx, a scheme other than http or https, an undecodable body: the same request will fail again. */
        PERMANENT,
        /** Our own safety policy said no: a forbidden address, too many redirects, a redirect loop, a size cap. */
        REFUSED
    }

    private final Kind kind;
    private final int status;
    private final transient Duration retryAfter;

    public FetchException(String message, Kind kind, int status, Duration retryAfter, Throwable cause) {
        super(Redaction.mask(message), cause);
        if (kind == null) {
            throw new IllegalArgumentException("a fetch failure needs a kind");
        }
        this.kind = kind;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    static FetchException temporary(String message, Throwable cause) {
        return new FetchException(message, Kind.TEMPORARY, 0, null, cause);
    }

    /** "… took longer than the 30 s total time limit while reading the body", a temporary failure. */
    static FetchException timedOut(URI url, Deadline deadline, String stage) {
        return temporary(url + " took longer than the " + Deadline.seconds(deadline.bound()) + " total time limit " + stage, null);
    }

    static FetchException permanent(String message) {
        return new FetchException(message, Kind.PERMANENT, 0, null, null);
    }

    static FetchException refused(String message) {
        return new FetchException(message, Kind.REFUSED, 0, null, null);
    }

    public Kind kind() {
        return kind;
    }

    /** Whether trying again later may succeed: {@link Kind#TEMPORARY} only. */
    public boolean isTemporary() {
        return kind == Kind.TEMPORARY;
    }

    /** The HTTP status the server answered, 0 when the failure came before or without one. */
    public int status() {
        return status;
    }

    /** How long the server asked us to wait (Retry-After on 429 and 503), or {@code null}. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
