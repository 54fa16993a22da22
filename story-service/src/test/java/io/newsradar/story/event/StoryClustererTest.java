package io.newsradar.story.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class StoryClustererTest {

    private static List<Article> fixture(String name) throws IOException {
        List<Article> out = new ArrayList<>();
        JsonMapper json = JsonMapper.builder().build();
        try (InputStream in = StoryClustererTest.class.getResourceAsStream("/articles/" + name)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                JsonNode n = json.readTree(line);
                out.add(new Article(n.get("id").asString(), n.get("lang").asString(), n.get("text").asString(),
                        LocalDate.parse(n.get("published").asString()), false, null, List.of()));
            }
        }
        return out;
    }

    @Test
    void oneEventInThreeLanguagesIsOneStoryNamedAfterItsFirstArticle() throws IOException {
        StoryClusterer clusterer = new StoryClusterer();
        List<Assignment> assignments = fixture("same-event.jsonl").stream().map(clusterer::add).toList();

        assertThat(assignments.get(0).startsStory()).isTrue();
        assertThat(assignments.get(1).story()).isEqualTo("fx-en-1");
        assertThat(assignments.get(2).story()).isEqualTo("fx-en-1");
    }

    @Test
    void everyAssignmentToAStoryCarriesTheNamesAndNumbersBothShare() throws IOException {
        StoryClusterer clusterer = new StoryClusterer();
        List<Assignment> assignments = fixture("same-event.jsonl").stream().map(clusterer::add).toList();

        Assignment french = assignments.get(1);
        assertThat(french.matched()).isEqualTo("fx-en-1");
        assertThat(french.score()).isGreaterThanOrEqualTo(StoryClusterer.DEFAULT_THRESHOLD);
        assertThat(french.sharedNames()).contains("khammouane", "thakhek", "bounthong");
        assertThat(french.sharedNumbers()).contains("#12", "#3400000");
    }

    @Test
    void theSamePlacesOnAnotherDateOrAnotherEventStartTheirOwnStories() throws IOException {
        StoryClusterer clusterer = new StoryClusterer();
        fixture("same-event.jsonl").forEach(clusterer::add);

        assertThat(clusterer.storyOf("fx-en-2")).isEqualTo("fx-en-2");
        assertThat(clusterer.storyOf("fx-en-1")).as("out of the window by then").isNull();
        assertThat(clusterer.storyOf("fx-fr-2")).isEqualTo("fx-fr-2");
    }

    @Test
    void anArticleMatchingTwoStoriesMergesTheSmallerIntoTheLarger() {
        StoryClusterer clusterer = new StoryClusterer();
        LocalDate day = LocalDate.of(2026, 4, 1);
        clusterer.add(new Article("a1", "en", "Minister Alpha Brightwater visited Corvania on 17 April.", day, false, null, List.of()));
        clusterer.add(new Article("a2", "en", "Minister Alpha Brightwater arrived in Corvania on 17 April.", day, false, null, List.of()));
        clusterer.add(new Article("b1", "en", "Zentral Bank of Orlesk lent 5,600,000 to Dunmore Port.", day, false, null, List.of()));

        Assignment bridge = clusterer.add(new Article("c1", "en",
                "Alpha Brightwater, in Corvania on 17 April, said Zentral Bank of Orlesk lent 5,600,000 to Dunmore Port.",
                day, false, null, List.of()));

        assertThat(bridge.story()).isEqualTo("a1");
        assertThat(bridge.merged()).containsExactly("b1");
        assertThat(clusterer.storyOf("b1")).isEqualTo("a1");
    }

    @Test
    void aClustererRestoredFromTheAssignmentsOfARunAssignsTheRestAsThatRunDoes() throws IOException {
        List<Article> articles = fixture("same-event.jsonl");
        StoryClusterer live = new StoryClusterer();
        List<Assignment> liveRun = articles.stream().map(live::add).toList();

        for (int restoredUpTo = 1; restoredUpTo < articles.size(); restoredUpTo++) {
            StoryClusterer restored = new StoryClusterer();
            liveRun.subList(0, restoredUpTo).forEach(restored::restore);
            List<Assignment> rest = articles.subList(restoredUpTo, articles.size()).stream().map(restored::add).toList();

            assertThat(rest).as("restored from the first %d", restoredUpTo)
                    .isEqualTo(liveRun.subList(restoredUpTo, liveRun.size()));
            assertThat(restored.windowSize()).isEqualTo(live.windowSize());
            for (Article a : articles) {
                assertThat(restored.storyOf(a.id())).as(a.id()).isEqualTo(live.storyOf(a.id()));
            }
        }
    }

    @Test
    void aRestoredMergeKeepsTheMergedStoryPointingToTheOneItWentInto() {
        LocalDate day = LocalDate.of(2026, 4, 1);
        List<Article> articles = List.of(
                new Article("a1", "en", "Minister Alpha Brightwater visited Corvania on 17 April.", day, false, null, List.of()),
                new Article("a2", "en", "Minister Alpha Brightwater arrived in Corvania on 17 April.", day, false, null, List.of()),
                new Article("b1", "en", "Zentral Bank of Orlesk lent 5,600,000 to Dunmore Port.", day, false, null, List.of()),
                new Article("c1", "en", "Alpha Brightwater, in Corvania on 17 April, said Zentral Bank of Orlesk lent 5,600,000 to Dunmore Port.",
                        day, false, null, List.of()));
        StoryClusterer live = new StoryClusterer();
        List<Assignment> liveRun = articles.stream().map(live::add).toList();
        StoryClusterer restored = new StoryClusterer();
        liveRun.forEach(restored::restore);

        Article later = new Article("d1", "en", "Dunmore Port says Zentral Bank of Orlesk lent it 5,600,000.", day.plusDays(1),
                false, null, List.of());

        assertThat(restored.storyOf("b1")).isEqualTo("a1");
        assertThat(restored.add(later)).isEqualTo(live.add(later));
        assertThat(restored.storyOf("d1")).isEqualTo("a1");
    }
}
