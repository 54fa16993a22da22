package io.newsradar.reference.filter;

import io.newsradar.contracts.ArticleDocument;
import io.newsradar.contracts.ClassifiedArticle;
import io.newsradar.contracts.TextFolding;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the article filters look at in one article: its tag codes (regions as tagged, not as they are today), the
 * tags' scores, where it came from, when it was published and its folded title's words.
 *
 * @param titleWords the folded title's words, each with a space either side ({@link #words})
 */
public record FilteredArticle(String pair, List<String> countries, List<String> regions, List<String> topics,
        String language, String source, String feedId, Instant publishedAt, ArticleDocument.Confidence scores,
        String titleWords) {

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    public FilteredArticle {
        countries = List.copyOf(countries);
        regions = List.copyOf(regions);
        topics = List.copyOf(topics);
        titleWords = titleWords == null ? " " : titleWords;
    }

    /** The article as the index stores it. */
    public static FilteredArticle of(ArticleDocument doc) {
        String folded = doc.folded() != null && doc.folded().title() != null ? doc.folded().title() : TextFolding.fold(doc.title());
        return new FilteredArticle(doc.pair(), doc.countries(), doc.regions(), doc.topics(), doc.language(),
                doc.source(), doc.feedId(), doc.publishedAt(), doc.confidence(), words(folded));
    }

    /** A classified article, seen as the index will store it. */
    public static FilteredArticle of(ClassifiedArticle article) {
        return of(ArticleDocument.of(article));
    }

    /** The words of folded text, as {@code " w1 w2 … "}. */
    public static String words(String folded) {
        if (folded == null) {
            return " ";
        }
        return " " + String.join(" ", NON_WORD.split(folded.strip())).strip() + " ";
    }
}
