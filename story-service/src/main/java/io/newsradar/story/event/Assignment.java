package io.newsradar.story.event;

import java.time.LocalDate;
import java.util.List;

/**
 * Where one article went and why: its story, the article it matched best (or {@code null} for a new story), the
 * same-event score, the names and numbers both share, and the stories merged into this one by the article; and what
 * the window keeps of the article (its anchors, day and pair), from which a clusterer is restored
 * ({@link StoryClusterer#restore}).
 *
 * @param merged  the stories this article showed to be its story's, merged into it; empty for none
 * @param names   every name anchor of the article, in the order the text gave them
 * @param numbers every number anchor of the article, in the order the text gave them
 * @param day     the day the article reports, or the newest day of the window when it gave none
 * @param dated   whether {@code day} came from the article
 * @param pair    the article's classified country pair, {@code null} for none
 */
public record Assignment(String articleId, String story, String matched, double score, List<String> sharedNames,
                         List<String> sharedNumbers, List<String> merged, List<String> names, List<String> numbers,
                         LocalDate day, boolean dated, String pair) {

    public Assignment {
        sharedNames = List.copyOf(sharedNames);
        sharedNumbers = List.copyOf(sharedNumbers);
        merged = List.copyOf(merged);
        names = List.copyOf(names);
        numbers = List.copyOf(numbers);
    }

    public boolean startsStory() {
        return matched == null;
    }
}
