package io.newsradar.ingest.dedupe;

import io.newsradar.contracts.FeedState.SeenArticle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The articles a feed published lately (newest first, bounded), and what a new item is against them: new, a material
 * update of a story already published, or the same story again. Not thread-safe: one poll of one feed owns it.
 */
public final class SeenArticles {

    /** What an item is, against what the feed published before. */
    public enum Verdict {
        /** Never published: publish it. */
        NEW,
        /** Published before under the same id, with other words: publish it again as a new revision. */
        CHANGED,
        /**
         * The same story again: under its id, under its URL with another scheme, or — for an item without a URL —
         * with exactly the words of one.
         */
        SEEN
    }

    private final int capacity;
    private final LinkedHashMap<String, SeenArticle> byId = new LinkedHashMap<>();
    private final Map<String, String> idByStory = new HashMap<>();
    private final Map<String, String> idByContent = new HashMap<>();

    /** @param recent newest first, as {@code FeedState.recent} holds them */
    public SeenArticles(List<SeenArticle> recent, int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("the number of articles remembered per feed must be positive, was " + capacity);
        }
        this.capacity = capacity;
        for (int i = recent.size() - 1; i >= 0; i--) {
            remember(recent.get(i));
        }
    }

    public Verdict judge(SeenArticle item) {
        SeenArticle known = byId.get(item.articleId());
        if (known != null) {
            return Objects.equals(known.contentHash(), item.contentHash()) || item.contentHash() == null
                    ? Verdict.SEEN : Verdict.CHANGED;
        }
        if (item.storyKey() != null && idByStory.containsKey(item.storyKey())) {
            return Verdict.SEEN;
        }
        // Words alone identify a story only when it has no URL: distinct articles may share a headline ("Morning briefing").
        if (item.storyKey() == null && item.contentHash() != null && idByContent.containsKey(item.contentHash())) {
            return Verdict.SEEN;
        }
        return Verdict.NEW;
    }

    /** Records an item Kafka has acknowledged, as the newest; the oldest falls out beyond the capacity. */
    public void remember(SeenArticle item) {
        SeenArticle previous = byId.remove(item.articleId());
        if (previous != null) {
            forget(previous);
        }
        byId.put(item.articleId(), item);
        if (item.storyKey() != null) {
            idByStory.put(item.storyKey(), item.articleId());
        }
        if (item.contentHash() != null) {
            idByContent.put(item.contentHash(), item.articleId());
        }
        while (byId.size() > capacity) {
            SeenArticle oldest = byId.values().iterator().next();
            byId.remove(oldest.articleId());
            forget(oldest);
        }
    }

    /** Newest first, for {@code FeedState.recent}. */
    public List<SeenArticle> newestFirst() {
        List<SeenArticle> list = new ArrayList<>(byId.values());
        Collections.reverse(list);
        return list;
    }

    public int size() {
        return byId.size();
    }

    private void forget(SeenArticle item) {
        idByStory.remove(item.storyKey(), item.articleId());
        idByContent.remove(item.contentHash(), item.articleId());
    }
}
