package io.newsradar.gateway.feedadmin;

/** Kafka did not answer in time: the feed registry can be neither read nor changed right now (a 503). */
public final class FeedRegistryUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    FeedRegistryUnavailableException(String detail, Throwable cause) {
        super("the feed registry (Kafka) is not reachable: " + detail, cause);
    }
}
