package io.newsradar.ingest.dedupe;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ids of the articles each feed has published lately, newest last, bounded per feed, so that polling a feed
 * again does not publish its items again.
 */
public class PublishedArticles {

    private final int perFeed;
    private final Map<String, LinkedHashSet<String>> byFeed = new ConcurrentHashMap<>();

    public PublishedArticles(int perFeed) {
        this.perFeed = perFeed;
    }

    public boolean contains(String feedId, String articleId) {
        LinkedHashSet<String> ids = byFeed.get(feedId);
        if (ids == null) {
            return false;
        }
        synchronized (ids) {
            return ids.contains(articleId);
        }
    }

    public void add(String feedId, String articleId) {
        LinkedHashSet<String> ids = byFeed.computeIfAbsent(feedId, f -> new LinkedHashSet<>());
        synchronized (ids) {
            ids.remove(articleId);
            ids.add(articleId);
            while (ids.size() > perFeed) {
                ids.remove(ids.iterator().next());
            }
        }
    }

    public int size(String feedId) {
        Set<String> ids = byFeed.get(feedId);
        return ids == null ? 0 : ids.size();
    }
}
