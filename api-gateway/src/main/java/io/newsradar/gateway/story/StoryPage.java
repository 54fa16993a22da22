package io.newsradar.gateway.story;

import java.util.List;

/**
 * The stories of {@code GET /api/v1/stories}, largest first.
 *
 * @param total how many stories hold a matching article
 * @param items the largest of them, as many as asked for
 */
public record StoryPage(long total, List<StorySummary> items) {

    public StoryPage {
        items = List.copyOf(items);
    }
}
