package io.newsradar.story.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsradar.contracts.ClassifiedArticle;
import io.newsradar.contracts.StoryAssignment;
import io.newsradar.contracts.StoryMerge;
import io.newsradar.story.ClassifiedFixtures;
import io.newsradar.story.event.StoryClusterer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class StoryStageTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A clock that stands still: the stage must still order what it assigns. */
    private static final Clock STOPPED = Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC);

    private final List<ClassifiedArticle> articles = ClassifiedFixtures.read("fire-engines.jsonl");

    private static StoryStage stage() {
        return new StoryStage(new StoryClusterer(), STOPPED);
    }

    @Test
    void threeReportsOfOneEventInTwoLanguagesAreOneStoryAndAnotherEventOpensItsOwn() {
        StoryStage stage = stage();
        List<StoryAssignment> assigned = articles.stream().map(a -> stage.assign(a).assignment()).toList();

        assertThat(assigned.get(0).opensStory()).isTrue();
        assertThat(assigned.get(0).score()).isEqualTo(1.0);
        assertThat(assigned.get(1).storyId()).isEqualTo("fe-en-coast");
        assertThat(assigned.get(1).sharedNames()).contains("hokkaido", "quangninh", "kenjiarakawa");
        assertThat(assigned.get(1).sharedNumbers()).contains("#45000000");
        assertThat(assigned.get(2).storyId()).isEqualTo("fe-en-coast");
        assertThat(assigned.get(3).storyId()).as("the job fair").isEqualTo("jf-en-osaka");
        assertThat(assigned.get(4).storyId()).as("the French report").isEqualTo("fe-en-coast");
        assertThat(assigned).extracting(StoryAssignment::pair).containsOnly("JP-VN");
        assertThat(assigned.get(1).day()).hasToString("2026-11-14");
    }

    @Test
    void assignmentsAreOrderedByTheirTimeEvenWhenTheClockStandsStill() {
        StoryStage stage = stage();
        List<Instant> times = articles.stream().map(a -> stage.assign(a).assignment().assignedAt()).toList();

        assertThat(times).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void anArticleDeliveredAgainGetsTheAssignmentItHad() {
        StoryStage stage = stage();
        articles.forEach(stage::assign);
        StoryStage.Outcome first = stage.assign(articles.get(3));

        StoryStage.Outcome again = stage.assign(articles.get(3));

        assertThat(first.again()).isTrue();
        assertThat(again.assignment()).isEqualTo(first.assignment());
        assertThat(stage.windowSize()).isEqualTo(articles.size());
    }

    @Test
    void aStageRestoredFromWhatItPublishedGoesOnAsTheLiveStageDoes() {
        StoryStage live = stage();
        List<StoryAssignment> published = new ArrayList<>();
        articles.subList(0, 4).forEach(a -> published.add(live.assign(a).assignment()));
        List<StoryAssignment> readBack = new ArrayList<>(published.stream().map(StoryStageTest::roundTrip).toList());
        Collections.shuffle(readBack, new Random(7));

        StoryStage restored = stage();
        StoryStage.Restored took = restored.restore(readBack, List.of());
        StoryAssignment restoredNext = restored.assign(articles.get(4)).assignment();
        StoryAssignment liveNext = live.assign(articles.get(4)).assignment();

        assertThat(took.assignments()).isEqualTo(4);
        assertThat(restoredNext.storyId()).isEqualTo("fe-en-coast");
        assertThat(restoredNext).usingRecursiveComparison().ignoringFields("assignedAt").isEqualTo(liveNext);
        assertThat(restoredNext.assignedAt()).isAfter(published.get(3).assignedAt());
        StoryStage.Outcome redelivered = restored.assign(articles.get(1));
        assertThat(redelivered.again()).isTrue();
        assertThat(redelivered.assignment()).isEqualTo(roundTrip(published.get(1)));
    }

    @Test
    void aRestoredStageKeepsTheMergesItMade() {
        StoryStage live = stage();
        List<StoryAssignment> published = new ArrayList<>();
        List<StoryMerge> merges = new ArrayList<>();
        for (ClassifiedArticle a : bridged()) {
            StoryStage.Outcome outcome = live.assign(a);
            published.add(outcome.assignment());
            merges.addAll(outcome.merges());
        }
        assertThat(merges).singleElement().satisfies(m -> {
            assertThat(m.from()).isEqualTo("b1");
            assertThat(m.into()).isEqualTo("a1");
            assertThat(m.byArticleId()).isEqualTo("c1");
        });
        List<StoryAssignment> readBack = new ArrayList<>(published.stream().map(StoryStageTest::roundTrip).toList());
        Collections.reverse(readBack);

        StoryStage restored = stage();
        restored.restore(readBack, merges);
        ClassifiedArticle later = article("d1", "Dunmore Port says Zentral Bank of Orlesk lent it 5,600,000.", "2026-04-02T09:00:00Z");

        assertThat(restored.storyOf("b1")).isEqualTo("a1");
        assertThat(restored.assign(later).assignment().storyId()).isEqualTo(live.assign(later).assignment().storyId())
                .isEqualTo("a1");
    }

    @Test
    void assignmentsOlderThanTheWindowAreNotRestored() {
        StoryStage live = stage();
        List<StoryAssignment> published = new ArrayList<>();
        published.add(live.assign(article("old", "Minister Alpha Brightwater visited Corvania.", "2026-03-01T09:00:00Z")).assignment());
        articles.forEach(a -> published.add(live.assign(a).assignment()));

        StoryStage restored = stage();
        StoryStage.Restored took = restored.restore(published, List.of());

        assertThat(took.assignments()).isEqualTo(articles.size());
        assertThat(took.newestDay()).hasToString("2026-11-20");
        assertThat(restored.storyOf("old")).isNull();
    }

    @Test
    void aStageIsRestoredOnlyBeforeItAssigns() {
        StoryStage stage = stage();
        stage.assign(articles.get(0));

        assertThatThrownBy(() -> stage.restore(List.of(), List.of())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("restored once");
    }

    private static StoryAssignment roundTrip(StoryAssignment assignment) {
        return JSON.readValue(JSON.writeValueAsBytes(assignment), StoryAssignment.class);
    }

    private static List<ClassifiedArticle> bridged() {
        return List.of(
                article("a1", "Minister Alpha Brightwater visited Corvania on 17 April.", "2026-04-01T09:00:00Z"),
                article("a2", "Minister Alpha Brightwater arrived in Corvania on 17 April.", "2026-04-01T09:10:00Z"),
                article("b1", "Zentral Bank of Orlesk lent 5,600,000 to Dunmore Port.", "2026-04-01T09:20:00Z"),
                article("c1", "Alpha Brightwater, in Corvania on 17 April, said Zentral Bank of Orlesk lent 5,600,000 to Dunmore Port.",
                        "2026-04-01T09:30:00Z"));
    }

    private static ClassifiedArticle article(String id, String title, String published) {
        Instant at = Instant.parse(published);
        return new ClassifiedArticle(1, new io.newsradar.contracts.RawArticle(1, id, null, id, "feed-" + id, "Feed", "en",
                title, "", "", List.of(), at, at), "test-1", at, "en", null, List.of(), List.of(), List.of());
    }
}
