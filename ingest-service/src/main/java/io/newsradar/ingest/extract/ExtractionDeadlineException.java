package io.newsradar.ingest.extract;

/**
 * A page whose story could not be read within the extraction deadline, or that could not be extracted because too
 * many pages were waiting; its feed item is published from the feed's own text.
 */
public class ExtractionDeadlineException extends ExtractionException {

    private static final long serialVersionUID = 1L;

    public ExtractionDeadlineException(String message) {
        super(message);
    }
}
