package io.newsradar.story.stream;

import io.newsradar.contracts.ClassifiedArticle;
import io.newsradar.contracts.StoryAssignment;
import io.newsradar.contracts.StoryMerge;
import io.newsradar.story.event.Assignment;
import io.newsradar.story.event.StoryClusterer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The story stage's state, in plain Java: the clusterer's window and the assignment of every article in it. An
 * article gets its story once; delivered again (a batch retried, offsets not committed before a restart) it gets the
 * same assignment, and its merges, again. On start the state is rebuilt from what the stage published
 * ({@link #restore}): the assignments of the window, in the order they were made, and the merges.
 *
 * <p>{@code assignedAt} orders the assignments: the stage gives each a time after the one before (a nanosecond later
 * when the clock has not moved, or has gone back), so that the restore replays them in the order they were made.
 */
public final class StoryStage {

    /** What one article came to: its assignment, the merges it made, and whether it had been assigned before. */
    record Outcome(StoryAssignment assignment, List<StoryMerge> merges, boolean again) {

        Outcome {
            merges = List.copyOf(merges);
        }

        Outcome repeated() {
            return new Outcome(assignment, merges, true);
        }
    }

    /** What a restore took back: the assignments of the window, and the merges. */
    record Restored(int assignments, int merges, LocalDate newestDay) {
    }

    private final StoryClusterer clusterer;
    private final Clock clock;
    private final LinkedHashMap<String, Outcome> assigned = new LinkedHashMap<>();
    private Instant lastAssignedAt = Instant.EPOCH;

    public StoryStage(StoryClusterer clusterer, Clock clock) {
        this.clusterer = clusterer;
        this.clock = clock;
    }

    /** The article's story: a new assignment, or the one it was given before. */
    synchronized Outcome assign(ClassifiedArticle article) {
        Outcome known = assigned.get(article.articleId());
        if (known != null) {
            return known.repeated();
        }
        Assignment assignment = clusterer.add(StoryRecords.article(article));
        Instant at = nextInstant();
        List<StoryMerge> merges = new ArrayList<>(assignment.merged().size());
        for (String from : assignment.merged()) {
            merges.add(new StoryMerge(StoryMerge.SCHEMA_VERSION, from, assignment.story(), assignment.articleId(), at));
        }
        Outcome outcome = new Outcome(StoryRecords.toRecord(assignment, at), merges, false);
        remember(outcome);
        return outcome;
    }

    /**
     * Rebuilds the state from the records of {@code news.stories}: the assignments whose day lies in the window behind
     * the newest day among them, replayed into the clusterer by {@code assignedAt} (then article id), each with the
     * merges it made; merges made by articles that have left the window are taken back first.
     *
     * @throws IllegalStateException when the stage has assigned or restored anything already
     */
    synchronized Restored restore(Collection<StoryAssignment> assignments, Collection<StoryMerge> merges) {
        if (!assigned.isEmpty() || clusterer.windowSize() > 0) {
            throw new IllegalStateException("the story stage is restored once, before it assigns anything");
        }
        LocalDate newest = assignments.stream().filter(StoryAssignment::dated).map(StoryAssignment::day)
                .max(Comparator.naturalOrder()).orElse(LocalDate.EPOCH);
        LocalDate cutoff = newest.minusDays(StoryClusterer.WINDOW_DAYS);
        List<StoryAssignment> window = assignments.stream().filter(a -> !a.day().isBefore(cutoff))
                .sorted(Comparator.comparing(StoryAssignment::assignedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(StoryAssignment::articleId))
                .toList();
        Set<String> inWindow = new HashSet<>();
        window.forEach(a -> inWindow.add(a.articleId()));
        Map<String, List<StoryMerge>> mergesBy = new HashMap<>();
        merges.stream()
                .sorted(Comparator.comparing(StoryMerge::mergedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(StoryMerge::from))
                .forEach(m -> {
                    if (m.byArticleId() != null && inWindow.contains(m.byArticleId())) {
                        mergesBy.computeIfAbsent(m.byArticleId(), k -> new ArrayList<>()).add(m);
                    } else {
                        clusterer.restoreMerge(m.from(), m.into());
                    }
                });
        for (StoryAssignment record : window) {
            List<StoryMerge> made = mergesBy.getOrDefault(record.articleId(), List.of()).stream()
                    .filter(m -> m.into().equals(record.storyId())).toList();
            clusterer.restore(StoryRecords.fromRecord(record, made.stream().map(StoryMerge::from).toList()));
            remember(new Outcome(record, made, false));
            if (record.assignedAt() != null && record.assignedAt().isAfter(lastAssignedAt)) {
                lastAssignedAt = record.assignedAt();
            }
        }
        return new Restored(window.size(), merges.size(), newest);
    }

    /** The number of articles in the window. */
    public synchronized int windowSize() {
        return clusterer.windowSize();
    }

    /** The story the article is in now, after any merges; {@code null} when it is not in the window. */
    public synchronized String storyOf(String articleId) {
        return clusterer.storyOf(articleId);
    }

    private void remember(Outcome outcome) {
        assigned.put(outcome.assignment().articleId(), outcome);
        LocalDate cutoff = clusterer.newestDay().minusDays(StoryClusterer.WINDOW_DAYS);
        Iterator<Outcome> oldest = assigned.values().iterator();
        while (oldest.hasNext()) {
            if (!oldest.next().assignment().day().isBefore(cutoff)) {
                break;
            }
            oldest.remove();
        }
    }

    private Instant nextInstant() {
        Instant now = clock.instant();
        lastAssignedAt = now.isAfter(lastAssignedAt) ? now : lastAssignedAt.plusNanos(1);
        return lastAssignedAt;
    }
}
