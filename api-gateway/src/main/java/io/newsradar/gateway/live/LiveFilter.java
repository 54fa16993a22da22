package io.newsradar.gateway.live;

import io.newsradar.contracts.ArticleDocument;
import io.newsradar.contracts.TextFolding;
import io.newsradar.gateway.search.ArticleQuery;
import io.newsradar.gateway.search.ArticleView;
import io.newsradar.gateway.search.KnownCodes;
import io.newsradar.gateway.search.MinConfidence;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The filters of {@code /api/v1/articles} applied in memory to one article, as the index applies them: every filter
 * given must hold, and a filter holds when the article has any of its values. A pair matches in either order (the
 * query holds it in canonical form); a region also matches the regions merged into it and the one holding it today.
 * {@code q} is matched on the title alone: every word of the folded query is a word of the folded title (text in
 * scripts written without spaces, such as Japanese, only needs to occur in it). With a {@code minConfidence}, a tag
 * filter holds only on a tag whose score is at least the value, by the same rule as the index's ({@link MinConfidence}).
 */
final class LiveFilter {

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern UNSPACED = Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsThai}\\p{IsLao}\\p{IsKhmer}]");

    private final Set<String> pairs;
    private final Set<String> countries;
    private final Set<String> regions;
    private final Set<String> topics;
    private final Set<String> languages;
    private final Set<String> sources;
    private final Set<String> feeds;
    private final Instant from;
    private final Instant to;
    private final List<String> words;
    private final double minConfidence;

    LiveFilter(ArticleQuery query, KnownCodes codes) {
        pairs = Set.copyOf(query.pairs());
        countries = Set.copyOf(query.countries());
        Set<String> related = new HashSet<>();
        query.regions().forEach(code -> related.addAll(codes.relatedRegions(code)));
        regions = Set.copyOf(related);
        topics = Set.copyOf(query.topics());
        languages = Set.copyOf(query.languages());
        sources = Set.copyOf(query.sources());
        feeds = Set.copyOf(query.feeds());
        from = query.from();
        to = query.to();
        minConfidence = query.minConfidence();
        words = query.text() == null ? List.of()
                : Arrays.stream(NON_WORD.split(TextFolding.fold(query.text()))).filter(w -> !w.isEmpty()).toList();
    }

    boolean matches(LiveArticle article) {
        ArticleView view = article.view();
        return tags(view)
                && oneOf(languages, view.language())
                && oneOf(sources, view.source())
                && oneOf(feeds, view.feedId())
                && (from == null || (view.publishedAt() != null && !view.publishedAt().isBefore(from)))
                && (to == null || (view.publishedAt() != null && view.publishedAt().isBefore(to)))
                && inTitle(article.titleWords());
    }

    private boolean tags(ArticleView view) {
        if (minConfidence == 0) {
            return oneOf(pairs, view.pair())
                    && anyOf(countries, view.countries())
                    && anyOf(regions, view.regions())
                    && anyOf(topics, view.topics());
        }
        ArticleDocument.Confidence scored = ArticleDocument.Confidence.of(view.tags());
        return MinConfidence.holds(pairs, scored.pair(), minConfidence)
                && MinConfidence.holds(countries, scored.countries(), minConfidence)
                && MinConfidence.holds(regions, scored.regions(), minConfidence)
                && MinConfidence.holds(topics, scored.topics(), minConfidence);
    }

    private boolean inTitle(String titleWords) {
        for (String word : words) {
            boolean found = UNSPACED.matcher(word).find() ? titleWords.contains(word) : titleWords.contains(" " + word + " ");
            if (!found) {
                return false;
            }
        }
        return true;
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
