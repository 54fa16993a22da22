package io.newsradar.gateway.searches;

/** Kafka did not answer in time: the saved searches can be neither read nor changed right now (a 503). */
public final class SavedSearchesUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    SavedSearchesUnavailableException(String detail, Throwable cause) {
        super("the saved searches (Kafka) are not reachable: " + detail, cause);
    }
}
