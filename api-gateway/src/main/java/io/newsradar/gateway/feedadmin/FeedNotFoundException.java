package io.newsradar.gateway.feedadmin;

/** No feed with this id is in the registry (a 404). */
public final class FeedNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    FeedNotFoundException(String feedId) {
        super("no feed with id '" + feedId + "' is in the registry");
    }
}
