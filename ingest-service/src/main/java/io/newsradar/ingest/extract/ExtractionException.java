package io.newsradar.ingest.extract;

/** A page from which no story can be read; the message names the page and what is wrong with it. */
public class ExtractionException extends Exception {

    private static final long serialVersionUID = 1L;

    public ExtractionException(String message) {
        super(message);
    }

    public ExtractionException(String message, Throwable cause) {
        super(message, cause);
    }
}
