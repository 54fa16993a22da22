package io.newsradar.gateway.story;

import io.newsradar.gateway.search.ArticleView;
import java.util.List;

/**
 * {@code GET /api/v1/stories/{id}}: the story and its articles, earliest first.
 *
 * @param story    the story's size, sources, languages, times and newest headline
 * @param articles its articles, earliest published first, up to the page size the gateway allows
 * @param more     whether it holds more articles than listed
 */
public record StoryDetail(StorySummary story, List<ArticleView> articles, boolean more) {

    public StoryDetail {
        articles = List.copyOf(articles);
    }
}
