package io.newsradar.alert.delivery;

import io.newsradar.contracts.SavedSearch;

/** Pauses a saved search whose receiver said it is gone: writes it disabled to {@code news.searches}. */
@FunctionalInterface
public interface SearchPauser {

    /** Pauses the search; {@code reason} says why, for the log. */
    void pause(SavedSearch search, String reason);
}
