package io.newsradar.gateway.search;

import io.newsradar.contracts.ArticleDocument;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code minConfidence}: the least score a tag must have to count. One rule for the index query, the facets and the
 * live stream: a tag filter holds when the article has a tag of one of the wanted codes whose score is at least the
 * value ({@link #holds}); the index query asks Elasticsearch the same thing of the nested {@code confidence.*} fields
 * that {@link ArticleDocument.Confidence} writes, with {@code score >= value}.
 */
public final class MinConfidence {

    public static final String PARAMETER = "minConfidence";
    /** A plain decimal: no sign, exponent, hexadecimal or {@code NaN}; the range is checked after. */
    private static final Pattern DECIMAL = Pattern.compile("(?:0|1)(?:\\.[0-9]{1,9})?|\\.[0-9]{1,9}");

    private MinConfidence() {
    }

    /**
     * The value of the parameter, 0 when it is not given.
     *
     * @throws InvalidQueryException naming {@code minConfidence} when it is not a number from 0 to 1
     */
    public static double parse(String raw) {
        if (raw == null) {
            return 0;
        }
        String value = raw.trim();
        if (DECIMAL.matcher(value).matches()) {
            double parsed = Double.parseDouble(value);
            if (parsed >= 0 && parsed <= 1) {
                return parsed;
            }
        }
        throw new InvalidQueryException(PARAMETER, PARAMETER + " must be a number from 0 to 1, such as 0.5, was '" + raw + "'");
    }

    /** Whether a tag of that score counts. */
    public static boolean admits(double score, double minConfidence) {
        return score >= minConfidence;
    }

    /** Whether nothing is wanted, or one of the tags has a wanted code and a score that counts. */
    public static boolean holds(Set<String> wanted, List<ArticleDocument.Scored> tags, double minConfidence) {
        if (wanted.isEmpty()) {
            return true;
        }
        for (ArticleDocument.Scored tag : tags) {
            if (wanted.contains(tag.code()) && admits(tag.score(), minConfidence)) {
                return true;
            }
        }
        return false;
    }

    /** The codes of the tags that count, in order. */
    public static List<String> codes(Collection<ArticleDocument.Scored> tags, double minConfidence) {
        return tags.stream().filter(t -> admits(t.score(), minConfidence)).map(ArticleDocument.Scored::code).toList();
    }
}
