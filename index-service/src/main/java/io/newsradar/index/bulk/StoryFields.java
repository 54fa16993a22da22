package io.newsradar.index.bulk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.newsradar.contracts.StoryAssignment;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The story fields of an article's document: the story it is in today ({@code story}, following merges) and why it
 * is there, for a reader to show (the score of its best match, that match, and the names and numbers both share).
 * Written as a partial update beside the article's own fields, and carried over when the article's words are
 * replaced.
 *
 * @param story                 the story the article is in now
 * @param storyScore            the same-event score of its best match, 0..1 (1 for the article that opened it)
 * @param storyMatchedArticleId the article it matched, {@code null} when it opened the story
 * @param storySharedNames      the names both articles hold
 * @param storySharedNumbers    the numbers both articles hold
 * @param storyAssignedAt       when the story stage assigned it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StoryFields(String story, Double storyScore, String storyMatchedArticleId, List<String> storySharedNames,
                          List<String> storySharedNumbers, Instant storyAssignedAt) {

    public StoryFields {
        storySharedNames = storySharedNames == null ? List.of() : List.copyOf(storySharedNames);
        storySharedNumbers = storySharedNumbers == null ? List.of() : List.copyOf(storySharedNumbers);
    }

    /** The fields of an assignment, in the story {@code story} (the assignment's own, or the one it was merged into). */
    public static StoryFields of(StoryAssignment assignment, String story) {
        return new StoryFields(story, assignment.score(), assignment.matchedArticleId(), assignment.sharedNames(),
                assignment.sharedNumbers(), assignment.assignedAt());
    }

    /** The same evidence in another story (its own merged into {@code into}). */
    public StoryFields movedTo(String into) {
        return new StoryFields(into, storyScore, storyMatchedArticleId, storySharedNames, storySharedNumbers, storyAssignedAt);
    }

    /** As a partial document; the JSON mapper writes {@code storyAssignedAt} as the index's date. */
    Map<String, Object> asPartialDocument() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("story", story);
        doc.put("storyScore", storyScore);
        doc.put("storyMatchedArticleId", storyMatchedArticleId);
        doc.put("storySharedNames", storySharedNames);
        doc.put("storySharedNumbers", storySharedNumbers);
        doc.put("storyAssignedAt", storyAssignedAt == null ? null : storyAssignedAt.toString());
        return doc;
    }
}
