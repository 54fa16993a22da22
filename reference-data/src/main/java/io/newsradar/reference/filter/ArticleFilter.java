package io.newsradar.reference.filter;

import io.newsradar.contracts.ArticleDocument;
import io.newsradar.contracts.TextFolding;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The filters of {@code /api/v1/articles} applied in memory to one article, as the index applies them: every filter
 * given must hold, and a filter holds when the article has any of its values. A pair matches in either order (the
 * criteria hold it in canonical form); a region also matches the regions merged into it and the one holding it today.
 * {@code q} is matched on the title alone: every word of the folded query is a word of the folded title (text in
 * scripts written without spaces, such as Japanese, only needs to occur in it). With a {@code minConfidence}, a tag
 * filter holds only on a tag whose score is at least the value, as the index's nested {@code confidence.*} query does.
 *
 * <p>The one matcher of the live stream (api-gateway) and of saved searches (alert-service): plain Java, no Spring.
 */
public final class ArticleFilter {

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern UNSPACED = Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsThai}\\p{IsLao}\\p{IsKhmer}]");

    private final FilterCriteria criteria;
    private final Set<String> regions;
    private final List<String> words;

    /**
     * @param criteria       the filters
     * @param relatedRegions a region code → the region, the one holding it today and the ones merged into it
     *                       ({@code Regions::related})
     */
    public ArticleFilter(FilterCriteria criteria, Function<String, Set<String>> relatedRegions) {
        this.criteria = criteria;
        Set<String> related = new HashSet<>();
        criteria.regions().forEach(code -> related.addAll(relatedRegions.apply(code)));
        this.regions = Set.copyOf(related);
        this.words = words(criteria.text());
    }

    public FilterCriteria criteria() {
        return criteria;
    }

    /** The regions an article may be tagged with for the region filter to hold: those asked, widened. */
    public Set<String> regions() {
        return regions;
    }

    /** The folded words of {@code q}, in order; empty without one. */
    public List<String> words() {
        return words;
    }

    /** Whether a folded word is written in a script without spaces, and so matches inside a title word. */
    public static boolean unspaced(String word) {
        return UNSPACED.matcher(word).find();
    }

    public boolean matches(FilteredArticle article) {
        Instant from = criteria.from();
        Instant to = criteria.to();
        return tags(article)
                && oneOf(criteria.languages(), article.language())
                && oneOf(criteria.sources(), article.source())
                && oneOf(criteria.feeds(), article.feedId())
                && (from == null || (article.publishedAt() != null && !article.publishedAt().isBefore(from)))
                && (to == null || (article.publishedAt() != null && article.publishedAt().isBefore(to)))
                && inTitle(article.titleWords());
    }

    private boolean tags(FilteredArticle article) {
        double min = criteria.minConfidence();
        if (min == 0) {
            return oneOf(criteria.pairs(), article.pair())
                    && anyOf(criteria.countries(), article.countries())
                    && anyOf(regions, article.regions())
                    && anyOf(criteria.topics(), article.topics());
        }
        ArticleDocument.Confidence scored = article.scores();
        return holds(criteria.pairs(), scored.pair(), min)
                && holds(criteria.countries(), scored.countries(), min)
                && holds(regions, scored.regions(), min)
                && holds(criteria.topics(), scored.topics(), min);
    }

    private boolean inTitle(String titleWords) {
        for (String word : words) {
            boolean found = unspaced(word) ? titleWords.contains(word) : titleWords.contains(" " + word + " ");
            if (!found) {
                return false;
            }
        }
        return true;
    }

    private static List<String> words(String text) {
        return text == null ? List.of()
                : Arrays.stream(NON_WORD.split(TextFolding.fold(text))).filter(w -> !w.isEmpty()).toList();
    }

    /** Whether nothing is wanted, or one of the tags has a wanted code and a score of at least {@code min}. */
    private static boolean holds(Set<String> wanted, List<ArticleDocument.Scored> tags, double min) {
        if (wanted.isEmpty()) {
            return true;
        }
        for (ArticleDocument.Scored tag : tags) {
            if (wanted.contains(tag.code()) && tag.score() >= min) {
                return true;
            }
        }
        return false;
    }

    /** Whether the value is one of those wanted, or nothing is wanted ({@code Set.copyOf} sets refuse to look up null). */
    private static boolean oneOf(Set<String> wanted, String value) {
        return wanted.isEmpty() || (value != null && wanted.contains(value));
    }

    private static boolean anyOf(Set<String> wanted, Collection<String> present) {
        if (wanted.isEmpty()) {
            return true;
        }
        for (String value : present) {
            if (wanted.contains(value)) {
                return true;
            }
        }
        return false;
    }
}
