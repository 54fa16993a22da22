package io.newsradar.story.event;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Which story each article of the window is in, the stories' sizes, and which story was merged into which. */
final class Stories {

    private final Map<String, String> storyOfArticle = new HashMap<>();
    private final Map<String, Integer> sizes = new HashMap<>();
    private final Map<String, String> mergedInto = new HashMap<>();

    void start(String articleId) {
        storyOfArticle.put(articleId, articleId);
        sizes.put(articleId, 1);
    }

    void join(String articleId, String story) {
        storyOfArticle.put(articleId, story);
        sizes.merge(story, 1, Integer::sum);
    }

    String storyOf(String articleId) {
        String story = storyOfArticle.get(articleId);
        return story == null ? null : resolve(story);
    }

    private String resolve(String story) {
        String now = story;
        while (mergedInto.containsKey(now)) {
            now = mergedInto.get(now);
        }
        return now;
    }

    /** The largest of the stories; of equal sizes, the one with the smallest id, so that replays agree. */
    String largest(Collection<String> stories) {
        String best = null;
        for (String s : stories) {
            int size = sizes.getOrDefault(s, 0);
            int bestSize = best == null ? -1 : sizes.getOrDefault(best, 0);
            if (size > bestSize || size == bestSize && s.compareTo(best) < 0) {
                best = s;
            }
        }
        return best;
    }

    /** Merges {@code smaller} into {@code larger}; a merge already made, or one that would make a cycle, is ignored. */
    void merge(String smaller, String larger) {
        if (mergedInto.containsKey(smaller) || resolve(larger).equals(smaller)) {
            return;
        }
        mergedInto.put(smaller, larger);
        sizes.merge(larger, sizes.getOrDefault(smaller, 0), Integer::sum);
        sizes.remove(smaller);
    }

    void forget(String articleId) {
        String story = storyOf(articleId);
        storyOfArticle.remove(articleId);
        if (story != null) {
            sizes.computeIfPresent(story, (k, n) -> n == 1 ? null : n - 1);
        }
    }
}
