package io.newsradar.gateway.search;

/** A query parameter the API cannot accept; the message says which and why. */
public class InvalidQueryException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final String parameter;

    public InvalidQueryException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
