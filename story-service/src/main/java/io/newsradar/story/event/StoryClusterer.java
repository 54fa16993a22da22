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
 *
 * <p>The clusterer is deterministic: the same articles in the same order give the same assignments. A clusterer fed
 * the assignments of a run, in their order ({@link #restore}), holds the state that run held, and goes on as it would.
 */
public final class StoryClusterer {

    /** The score from which two articles are taken to report the same event. */
    public static final double DEFAULT_THRESHOLD = 0.30;

    /** The days the window holds behind the newest day seen. */
    public static final int WINDOW_DAYS = SameEventScore.WINDOW_DAYS;

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
        advanceTo(signature);
        remember(signature);
        Assignment assignment = assign(signature);
        index(signature);
        return assignment;
    }

    /**
     * Takes back an assignment this clusterer's kind made before (in a run whose state is gone), without scoring it
     * again: the article enters the window with the anchors, day and pair the assignment kept, joins the story it was
     * given (or opens it), and the stories it merged are merged again. Fed a run's assignments in the order they were
     * made, the clusterer holds the window, weights and stories that run held, so what it assigns next is what that
     * run would have assigned.
     */
    public void restore(Assignment past) {
        Signature signature = Signature.of(past, minHash);
        advanceTo(signature);
        remember(signature);
        for (String from : past.merged()) {
            stories.merge(from, past.story());
        }
        if (past.startsStory()) {
            stories.start(past.articleId());
        } else {
            stories.join(past.articleId(), past.story());
        }
        index(signature);
    }

    /** Takes back a merge made by an article that has left the window: its story still points to the one it went into. */
    public void restoreMerge(String from, String into) {
        stories.merge(from, into);
    }

    /** The newest day the window has seen ({@link LocalDate#EPOCH} before any dated article). */
    public LocalDate newestDay() {
        return latest;
    }

    /** The story the article is in now (after any merges), or {@code null} if it is not in the window's stories. */
    public String storyOf(String articleId) {
        return stories.storyOf(articleId);
    }

    /** The number of articles in the window. */
    public int windowSize() {
        return window.size();
    }

    private void advanceTo(Signature signature) {
        if (signature.dated() && signature.day().isAfter(latest)) {
            latest = signature.day();
            evictBefore(latest.minusDays(SameEventScore.WINDOW_DAYS));
        }
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
            return assignment(signature, signature.articleId(), null, SameEventScore.Result.NONE, List.of());
        }
        String story = stories.largest(matchedStories);
        List<String> merged = new ArrayList<>();
        for (String other : matchedStories) {
            if (!other.equals(story)) {
                stories.merge(other, story);
                merged.add(other);
            }
        }
        stories.join(signature.articleId(), story);
        return assignment(signature, story, best.articleId(), bestResult, merged);
    }

    private static Assignment assignment(Signature signature, String story, String matched, SameEventScore.Result result,
            List<String> merged) {
        return new Assignment(signature.articleId(), story, matched, result.score(), result.sharedNames(),
                result.sharedNumbers(), merged, List.copyOf(signature.names()), List.copyOf(signature.numbers()),
                signature.day(), signature.dated(), signature.pair());
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
