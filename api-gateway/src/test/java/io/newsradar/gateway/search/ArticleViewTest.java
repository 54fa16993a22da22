package io.newsradar.gateway.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.json.JsonData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An article's story as a search hit's {@code fields} give it. */
class ArticleViewTest {

    @Test
    void readsTheStoryAndItsEvidenceFromAHitsFields() {
        Map<String, JsonData> fields = Map.of(
                "story", JsonData.fromJson("[\"q3B8o5y0dq2yqD7kYF8bUw\"]"),
                "storyScore", JsonData.fromJson("[0.81]"),
                "storyMatchedArticleId", JsonData.fromJson("[\"AAAAAAAAAAAAAAAAAAAA-_\"]"),
                "storySharedNames", JsonData.fromJson("[\"toyota\", \"bac giang\"]"),
                "storySharedNumbers", JsonData.fromJson("[\"500\"]"));

        ArticleView.Story story = ArticleView.Story.of(fields);

        assertThat(story.id()).isEqualTo("q3B8o5y0dq2yqD7kYF8bUw");
        assertThat(story.score()).isEqualTo(0.81);
        assertThat(story.matchedArticleId()).isEqualTo("AAAAAAAAAAAAAAAAAAAA-_");
        assertThat(story.sharedNames()).containsExactly("toyota", "bac giang");
        assertThat(story.sharedNumbers()).containsExactly("500");
        assertThat(story.articles()).isNull();
    }

    @Test
    void aHitWithoutAStoryHasNoneAndAStorysSizeIsAddedToItsArticle() {
        assertThat(ArticleView.Story.of(Map.of())).isNull();
        assertThat(ArticleView.Story.of(null)).isNull();
        assertThat(ArticleView.Story.of(Map.of("storyScore", JsonData.fromJson("[1.0]")))).isNull();

        ArticleView.Story opener = ArticleView.Story.of(Map.of("story", JsonData.fromJson("[\"q3B8o5y0dq2yqD7kYF8bUw\"]")));
        assertThat(opener.matchedArticleId()).isNull();
        assertThat(opener.sharedNames()).isEmpty();
        ArticleView view = new ArticleView("q3B8o5y0dq2yqD7kYF8bUw", null, "t", null, "S", "f", "vi", null, null, List.of(),
                List.of(), List.of(), null, null, opener).withStorySize(3, List.of("S", "T"), List.of("vi", "ja"));
        assertThat(view.story().articles()).isEqualTo(3);
        assertThat(view.story().sources()).containsExactly("S", "T");
        assertThat(view.story().languages()).containsExactly("vi", "ja");
        ArticleView none = new ArticleView("x", null, "t", null, "S", "f", "vi", null, null, List.of(), List.of(), List.of(), null, null);
        assertThat(none.withStorySize(3, List.of(), List.of())).isSameAs(none);
    }
}
