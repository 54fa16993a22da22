package io.newsradar.ingest.fetch;

/** A fetch that failed; the message names the URL and the reason. */
public class FetchException extends Exception {

    private static final long serialVersionUID = 1L;
    private final boolean temporary;

    public FetchException(String message, boolean temporary, Throwable cause) {
        super(message, cause);
        this.temporary = temporary;
    }

    /** Whether trying again later may succeed (timeouts, 5xx, 429), as opposed to 404, 410 or "not a feed". */
    public boolean isTemporary() {
        return temporary;
    }
}
