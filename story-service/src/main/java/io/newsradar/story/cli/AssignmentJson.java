package io.newsradar.story.cli;

import io.newsradar.story.event.Assignment;
import io.newsradar.story.event.StoryClusterer;
import java.util.LinkedHashMap;
import java.util.Map;

/** An assignment as one output line: the article's story now, and the evidence it was assigned on. */
final class AssignmentJson {

    private AssignmentJson() {
    }

    static Map<String, Object> of(Assignment a, StoryClusterer clusterer) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", a.articleId());
        String now = clusterer.storyOf(a.articleId());
        out.put("story", now == null ? a.story() : now);
        out.put("matched", a.matched());
        out.put("score", Math.round(a.score() * 1000) / 1000.0);
        out.put("names", a.sharedNames());
        out.put("numbers", a.sharedNumbers());
        if (!a.merged().isEmpty()) {
            out.put("merged", a.merged());
        }
        return out;
    }
}
