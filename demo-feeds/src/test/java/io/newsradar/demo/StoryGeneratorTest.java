package io.newsradar.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StoryGeneratorTest {

    @Test
    void writesStoriesFromEveryTemplateInTurnWithTheSlotsFilled() {
        StoryGenerator generator = new StoryGenerator("en", 1);

        StoryGenerator.Story first = generator.next();
        for (int i = 0; i < 4; i++) {
            assertThat(generator.next().title()).isNotEqualTo(first.title());
        }
        assertThat(first.title()).doesNotContain("{").matches("[A-Z].*");
        assertThat(first.lead()).doesNotContain("{");
    }

    @Test
    void usesOneValuePerSlotWithinAStory() {
        StoryGenerator.Story story = new StoryGenerator("vi", 7).next();

        String partner = story.title().replaceAll(".* doanh nghiệp (.+) tìm hiểu .*", "$1");
        assertThat(story.lead()).contains("nhà đầu tư " + partner + " ");
    }

    @Test
    void refusesALanguageItHasNoStoriesFor() {
        assertThatThrownBy(() -> new StoryGenerator("de", 1)).hasMessageContaining("no demo stories for language 'de'");
    }
}
