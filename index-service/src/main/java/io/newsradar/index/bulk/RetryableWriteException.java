package io.newsradar.index.bulk;

/** Elasticsearch did not take a batch this time; writing it again later may succeed. */
public class RetryableWriteException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RetryableWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
