package io.newsradar.story.event;

import java.util.List;

/**
 * Where one article went and why: its story, the article it matched best (or {@code null} for a new story), the
 * same-event score, the names and numbers both share, and the story merged into this one by the article, if any.
 */
public record Assignment(String articleId, String story, String matched, double score, List<String> sharedNames,
                         List<String> sharedNumbers, String merged) {

    public Assignment {
        sharedNames = List.copyOf(sharedNames);
        sharedNumbers = List.copyOf(sharedNumbers);
    }

    public boolean startsStory() {
        return matched == null;
    }
}
