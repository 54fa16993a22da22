package io.newsradar.gateway.search;

import java.util.List;

/**
 * One page of articles, newest first.
 *
 * @param total how many articles match in all
 * @param items this page's articles
 */
public record ArticlePage(long total, List<ArticleView> items) {

    public ArticlePage {
        items = List.copyOf(items);
    }
}
