package io.newsradar.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * Two stories found to be one ({@link Topics#STORIES}, keyed by {@link #key(String)} of {@code from}): the smaller
 * points to the larger. Story ids never change; a reader that meets {@code from} follows it to {@code into}.
 *
 * @param schemaVersion wire format version; absent reads as the current one
 * @param from          the story merged away
 * @param into          the story that holds it now
 * @param byArticleId   the article whose arrival showed they are one
 * @param mergedAt      when the stage merged them
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StoryMerge(Integer schemaVersion, String from, String into, String byArticleId, Instant mergedAt) {

    public static final int SCHEMA_VERSION = 1;

    /** Merge records' keys start with this; article ids (URL-safe base64) never hold a colon. */
    public static final String KEY_PREFIX = "merged:";

    public StoryMerge {
        schemaVersion = Checks.schemaVersion(schemaVersion, SCHEMA_VERSION, "StoryMerge");
        Checks.requireText(from, "StoryMerge.from");
        Checks.requireText(into, "StoryMerge " + from + ": into");
        if (from.equals(into)) {
            throw new IllegalArgumentException("StoryMerge " + from + ": a story cannot merge into itself");
        }
    }

    /** The key of the merge record of story {@code from}. */
    public static String key(String from) {
        return KEY_PREFIX + from;
    }

    /** Whether a {@link Topics#STORIES} key is a merge's rather than an article's. */
    public static boolean isKey(String key) {
        return key != null && key.startsWith(KEY_PREFIX);
    }
}
