package io.newsradar.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Objects;

/**
 * One phrase a tag rests on, and where it stood.
 *
 * @param phrase the text as it appears in the article
 * @param field  the part of the article it was found in
 * @param offset character offset of the phrase in that field
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Evidence(String phrase, Field field, int offset) {

    /** The parts of an article, in the order of the weight the classifier gives them. */
    public enum Field { TITLE, LEAD, BODY }

    public Evidence {
        Checks.requireText(phrase, "Evidence.phrase");
        Objects.requireNonNull(field, "Evidence.field must be set");
        if (offset < 0) {
            throw new IllegalArgumentException("Evidence.offset must not be negative, was " + offset);
        }
    }
}
