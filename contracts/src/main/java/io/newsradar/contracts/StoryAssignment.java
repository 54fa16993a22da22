package io.newsradar.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The story an article belongs to ({@link Topics#STORIES}, keyed by {@code articleId}), with the evidence for it and
 * what the story stage keeps of the article to rebuild its window on start.
 *
 * @param schemaVersion    wire format version; absent reads as the current one
 * @param articleId        the article
 * @param storyId          its story; never changes once given (a merged story is followed through {@link StoryMerge})
 * @param matchedArticleId the article it matched best, {@code null} when it opened its story
 * @param score            the same-event score of that match, 0..1 (1 for an article opening its story)
 * @param sharedNames      names both articles hold (people, organisations, places, written the same in every language)
 * @param sharedNumbers    numbers and amounts both hold
 * @param names            every name anchor of the article (the window's signature)
 * @param numbers          every number anchor of the article
 * @param day              the day the article reports, from its published time or the day it was seen
 * @param dated            whether {@code day} came from a published time
 * @param pair             the article's country pair ({@code JP-VN}), {@code null} when it has none
 * @param assignedAt       when the stage assigned it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StoryAssignment(
        Integer schemaVersion,
        String articleId,
        String storyId,
        String matchedArticleId,
        double score,
        List<String> sharedNames,
        List<String> sharedNumbers,
        List<String> names,
        List<String> numbers,
        LocalDate day,
        boolean dated,
        String pair,
        Instant assignedAt) {

    public static final int SCHEMA_VERSION = 1;

    public StoryAssignment {
        schemaVersion = Checks.schemaVersion(schemaVersion, SCHEMA_VERSION, "StoryAssignment");
        Checks.requireText(articleId, "StoryAssignment.articleId");
        Checks.requireText(storyId, "StoryAssignment " + articleId + ": storyId");
        Checks.requireScore(score, "StoryAssignment " + articleId + ": score");
        sharedNames = Checks.listOrEmpty(sharedNames);
        sharedNumbers = Checks.listOrEmpty(sharedNumbers);
        names = Checks.listOrEmpty(names);
        numbers = Checks.listOrEmpty(numbers);
        if (day == null) {
            throw new IllegalArgumentException("StoryAssignment " + articleId + ": day must not be null");
        }
    }

    /** Whether the article opened its story. */
    public boolean opensStory() {
        return matchedArticleId == null;
    }
}
