package io.newsradar.story.event;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts each article into the story of the article in the window it matches best, or starts a story. Candidates come
 * from MinHash LSH over the article's names and numbers, so the cost of one article does not grow with the number of
 * stories; the window holds the last {@value SameEventScore#WINDOW_DAYS} days. A story's id is the id of its first
 * article and never changes; when an article matches two stories the smaller is merged into the larger.
 */
public final class StoryClusterer {

    /** The score from which two articles are taken to report the same event. */
    public static final double DEFAULT_THRESHOLD = 0.30;

    /** A band key shared by more articles than this says little; its bucket takes no more and is not looked up. */
    static final int MAX_BUCKET = 48;

    private final MinHash minHash = new MinHash(40, 2);
    private final double threshold;
    private final ArrayDeque<Signature> window = new ArrayDeque<>();
    private final Map<Long, List<Signature>> buckets = new HashMap<>();
    private final Map<String, Integer> documentFrequency = new HashMap<>();
    private final Stories stories = new Stories();
    private LocalDate latest = LocalDate.EPOCH;

    public StoryClusterer(double threshold) {
        this.threshold = threshold;
    }

    public StoryClusterer() {
        this(DEFAULT_THRESHOLD);
    }

    /** Assigns the article to a story and keeps its signature in the window. */
    public Assignment add(Article article) {
        Signature signature = Signature.of(article, minHash, latest);
        if (signature.dated() && signature.day().isAfter(latest)) {
            latest = signature.day();
            evictBefore(latest.minusDays(SameEventScore.WINDOW_DAYS));
        }
        remember(signature);
        Assignment assignment = assign(signature);
        index(signature);
        return assignment;
    }

    /** The story the article is in now (after any merges), or {@code null} if it is not in the window's stories. */
    public String storyOf(String articleId) {
        return stories.storyOf(articleId);
    }

    /** The number of articles in the window. */
    public int windowSize() {
        return window.size();
    }

    private Assignment assign(Signature signature) {
        Signature best = null;
        SameEventScore.Result bestResult = SameEventScore.Result.NONE;
        Set<String> matchedStories = new LinkedHashSet<>();
        for (Signature candidate : candidates(signature)) {
            SameEventScore.Result result = SameEventScore.score(signature, candidate, this::weight);
            if (result.score() >= threshold) {
                matchedStories.add(stories.storyOf(candidate.articleId()));
                if (result.score() > bestResult.score()) {
                    best = candidate;
                    bestResult = result;
                }
            }
        }
        if (best == null) {
            stories.start(signature.articleId());
            return new Assignment(signature.articleId(), signature.articleId(), null, 0, List.of(), List.of(), null);
        }
        String story = stories.largest(matchedStories);
        String merged = null;
        for (String other : matchedStories) {
            if (!other.equals(story)) {
                stories.merge(other, story);
                merged = other;
            }
        }
        stories.join(signature.articleId(), story);
        return new Assignment(signature.articleId(), story, best.articleId(), bestResult.score(),
                bestResult.sharedNames(), bestResult.sharedNumbers(), merged);
    }

    private Set<Signature> candidates(Signature signature) {
        Set<Signature> out = new LinkedHashSet<>();
        for (long key : signature.bandKeys()) {
            List<Signature> bucket = buckets.getOrDefault(key, List.of());
            if (bucket.size() < MAX_BUCKET) {
                out.addAll(bucket);
            }
        }
        return out;
    }

    private double weight(String token) {
        int df = documentFrequency.getOrDefault(token, 1);
        double w = Math.log((window.size() + 20.0) / (df + 1.0));
        return Math.max(w, 0.0);
    }

    private void remember(Signature signature) {
        window.addLast(signature);
        for (String t : signature.anchors()) {
            documentFrequency.merge(t, 1, Integer::sum);
        }
    }

    private void index(Signature signature) {
        for (long key : signature.bandKeys()) {
            List<Signature> bucket = buckets.computeIfAbsent(key, k -> new ArrayList<>(2));
            if (bucket.size() < MAX_BUCKET) {
                bucket.add(signature);
            }
        }
    }

    private void evictBefore(LocalDate cutoff) {
        while (!window.isEmpty() && window.peekFirst().day().isBefore(cutoff)) {
            Signature old = window.removeFirst();
            for (String t : old.anchors()) {
                documentFrequency.computeIfPresent(t, (k, n) -> n == 1 ? null : n - 1);
            }
            for (long key : old.bandKeys()) {
                List<Signature> bucket = buckets.get(key);
                if (bucket != null) {
                    bucket.remove(old);
                    if (bucket.isEmpty()) {
                        buckets.remove(key);
                    }
                }
            }
            stories.forget(old.articleId());
        }
    }
}
