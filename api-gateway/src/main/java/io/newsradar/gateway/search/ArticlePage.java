package io.newsradar.gateway.search;

import java.util.List;

/**
 * One page of articles, newest first.
 *
 * @param total how many articles match in all
 * @param items this page's articles
 * @param next  the cursor of the next page, or {@code null} on the last page
 */
public record ArticlePage(long total, List<ArticleView> items, String next) {

    public ArticlePage {
        items = List.copyOf(items);
    }
}
