package io.newsradar.gateway.searches;

/** No saved search with this id is visible to the key asking: absent, or another key's (a 404 either way). */
public final class SavedSearchNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    SavedSearchNotFoundException(String searchId) {
        super("no saved search with id '" + searchId + "' is among this key's");
    }
}
