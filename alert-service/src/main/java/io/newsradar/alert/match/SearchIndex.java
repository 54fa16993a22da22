package io.newsradar.alert.match;

import io.newsradar.contracts.SavedSearch;
import io.newsradar.reference.ReferenceData;
import io.newsradar.reference.filter.ArticleFilter;
import io.newsradar.reference.filter.FilterParameters;
import io.newsradar.reference.filter.FilteredArticle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The saved searches, filed by their most selective filter term ({@link SearchKeys}), so that matching one article
 * costs the searches filed under its terms (and the short scan list of those with none), not every search. A search
 * matches an article when {@link ArticleFilter} says so: the rules of {@code GET /api/v1/articles}.
 *
 * <p>Safe for one writer (the view of {@code news.searches}) and many readers.
 */
public final class SearchIndex {

    /** A search with its filter and the terms it is filed under. */
    record Filed(SavedSearch search, ArticleFilter filter, List<String> keys) {
    }

    private final FilterParameters parameters;
    private final ReferenceData data;
    private final Map<String, Filed> byId = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Filed>> byKey = new ConcurrentHashMap<>();
    private final Map<String, Filed> scan = new ConcurrentHashMap<>();

    public SearchIndex(ReferenceData data) {
        this.data = data;
        this.parameters = new FilterParameters(data);
    }

    /**
     * Files a search, in place of the one of its id; a disabled search is only removed.
     *
     * @throws IllegalArgumentException naming the search and the filter when its filters cannot be read; the search
     *                                  it replaces is removed all the same
     */
    public synchronized void put(SavedSearch search) {
        remove(search.searchId());
        if (!search.enabled()) {
            return;
        }
        ArticleFilter filter;
        try {
            filter = new ArticleFilter(parameters.parse(search.query()), data.regions()::related);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("saved search " + search.searchId() + ": " + e.getMessage(), e);
        }
        Filed filed = new Filed(search, filter, SearchKeys.of(filter));
        byId.put(search.searchId(), filed);
        if (filed.keys().isEmpty()) {
            scan.put(search.searchId(), filed);
        }
        for (String key : filed.keys()) {
            byKey.computeIfAbsent(key, k -> new ConcurrentHashMap<>()).put(search.searchId(), filed);
        }
    }

    /** Removes a search, if filed. */
    public synchronized void remove(String searchId) {
        Filed old = byId.remove(searchId);
        if (old == null) {
            return;
        }
        scan.remove(searchId);
        for (String key : old.keys()) {
            Map<String, Filed> bucket = byKey.get(key);
            if (bucket != null) {
                bucket.remove(searchId);
                if (bucket.isEmpty()) {
                    byKey.remove(key);
                }
            }
        }
    }

    /** Keeps only the searches of these ids. */
    public synchronized void retainOnly(Set<String> searchIds) {
        for (String id : List.copyOf(byId.keySet())) {
            if (!searchIds.contains(id)) {
                remove(id);
            }
        }
    }

    /** Whether a search of that id is filed. */
    public boolean contains(String searchId) {
        return byId.containsKey(searchId);
    }

    /** How many searches are filed. */
    public int size() {
        return byId.size();
    }

    /** How many searches are tried against every article. */
    public int scanned() {
        return scan.size();
    }

    /**
     * The searches that match the article, each once, in no particular order. The candidates are tried as they are
     * found, bucket by bucket; only the matches are gathered by id (a search filed under two of the article's terms is
     * tried twice, and listed once).
     */
    public List<SavedSearch> matches(FilteredArticle article) {
        Map<String, SavedSearch> matched = new LinkedHashMap<>();
        tryAll(scan.values(), article, matched);
        for (String key : SearchKeys.of(article)) {
            Map<String, Filed> bucket = byKey.get(key);
            if (bucket != null) {
                tryAll(bucket.values(), article, matched);
            }
        }
        return new ArrayList<>(matched.values());
    }

    private static void tryAll(Collection<Filed> candidates, FilteredArticle article, Map<String, SavedSearch> matched) {
        for (Filed filed : candidates) {
            if (filed.filter().matches(article)) {
                matched.putIfAbsent(filed.search().searchId(), filed.search());
            }
        }
    }

    /** The searches filed under the article's terms, and the scan list: those that may match it. */
    Map<String, Filed> candidates(FilteredArticle article) {
        Map<String, Filed> candidates = new LinkedHashMap<>(scan);
        for (String key : SearchKeys.of(article)) {
            Map<String, Filed> bucket = byKey.get(key);
            if (bucket != null) {
                candidates.putAll(bucket);
            }
        }
        return candidates;
    }

}
