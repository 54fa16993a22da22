package io.newsradar.gateway.search;

/** A query parameter the API cannot accept; the message says which and why, and the value when there is one. */
public class InvalidQueryException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final String parameter;
    private final String value;

    public InvalidQueryException(String parameter, String message) {
        this(parameter, null, message);
    }

    /** @param value the value refused, as the problem document repeats it (shortened), or {@code null} */
    public InvalidQueryException(String parameter, String value, String message) {
        super(message);
        this.parameter = parameter;
        this.value = value;
    }

    public String parameter() {
        return parameter;
    }

    /** The value refused, or {@code null} when the parameter as a whole is wrong. */
    public String value() {
        return value;
    }
}
