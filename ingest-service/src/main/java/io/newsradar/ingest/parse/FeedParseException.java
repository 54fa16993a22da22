package io.newsradar.ingest.parse;

/** A document that is not a feed we can read; the message names the document and what is wrong with it. */
public class FeedParseException extends Exception {

    private static final long serialVersionUID = 1L;

    public FeedParseException(String message) {
        super(message);
    }

    public FeedParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
