package io.newsradar.index.bulk;

import io.newsradar.contracts.ArticleDocument;
import io.newsradar.contracts.ClassifiedArticle;

/**
 * One revision of an article to write: its document, and whether the feed that published it is on the article's own
 * site ({@code RawArticle.sameSite}), which lets it change the words of an article another feed published first.
 */
public record Revision(ArticleDocument document, boolean sameSite) {

    public static Revision of(ClassifiedArticle classified) {
        return new Revision(ArticleDocument.of(classified), Boolean.TRUE.equals(classified.article().sameSite()));
    }
}
