package io.newsradar.gateway.search;

import java.util.List;

/**
 * One page of articles, newest first.
 *
 * @param total     how many articles match in all, counted up to 10,000
 * @param totalMore whether more than {@code total} match (the count stopped at 10,000)
 * @param items     this page's articles
 * @param next      the cursor of the next page, or {@code null} on the last page
 */
public record ArticlePage(long total, boolean totalMore, List<ArticleView> items, String next) {

    public ArticlePage {
        items = List.copyOf(items);
    }
}
