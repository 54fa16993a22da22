package io.newsradar.index;

import static io.newsradar.index.ClassifiedEvents.article;
import static io.newsradar.index.ClassifiedEvents.producer;
import static io.newsradar.index.ClassifiedEvents.send;
import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.newsradar.contracts.ArticleDocument;
import io.newsradar.contracts.StoryAssignment;
import io.newsradar.contracts.StoryMerge;
import io.newsradar.contracts.Topics;
import io.newsradar.testsupport.TestServers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/** Stories from {@code news.stories} into the articles' documents, against a real Kafka broker and Elasticsearch node. */
@SpringBootTest(properties = {"spring.config.name=index-service", "newsradar.index.bulk-flush-interval=200ms"})
class IndexStoriesIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The fields of a stored document these tests look at. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Stored(String articleId, String title, String feedId, String story, Double storyScore, String storyMatchedArticleId,
                  List<String> storySharedNames, List<String> storySharedNumbers) {
    }

    @Autowired
    ElasticsearchClient elasticsearch;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestServers.registerKafka(registry);
        TestServers.registerElasticsearch(registry);
    }

    @Test
    void anAssignmentThatComesBeforeItsArticleEndsOnTheFullArticle() throws Exception {
        String run = run();
        String id = run + "-early";
        assign(assignment(id, run + "-story", run + "-opener", 0.72, List.of("toyota", "bac giang"), List.of("500")));
        await(() -> stored(id) != null && (run + "-story").equals(stored(id).story()), "the story-only document");
        assertThat(stored(id).articleId()).as("a story-only document holds no article").isNull();

        send(List.of(article(id, "Toyota mở nhà máy ở Bắc Giang")));
        await(() -> stored(id).title() != null, "the article over its story");

        Stored doc = stored(id);
        assertThat(doc.articleId()).isEqualTo(id);
        assertThat(doc.feedId()).isEqualTo("it-feed");
        assertThat(doc.story()).isEqualTo(run + "-story");
        assertThat(doc.storyScore()).isEqualTo(0.72);
        assertThat(doc.storyMatchedArticleId()).isEqualTo(run + "-opener");
        assertThat(doc.storySharedNames()).containsExactly("toyota", "bac giang");
        assertThat(doc.storySharedNumbers()).containsExactly("500");
    }

    @Test
    void anAssignmentThatComesAfterItsArticleIsAddedAndKeptWhenTheWordsChange() throws Exception {
        String run = run();
        String id = run + "-late";
        send(List.of(article(id, "The first headline", Instant.parse("2026-11-20T09:00:00Z"))));
        await(() -> stored(id) != null && stored(id).title() != null, "the article");

        assign(assignment(id, run + "-story", null, 1.0, List.of(), List.of()));
        await(() -> (run + "-story").equals(stored(id).story()), "the story on the article");
        assertThat(stored(id).title()).isEqualTo("The first headline");
        assertThat(stored(id).storyMatchedArticleId()).isNull();

        send(List.of(article(id, "The revised headline", Instant.parse("2026-11-20T10:00:00Z"))));
        await(() -> "The revised headline".equals(stored(id).title()), "the revision");
        assertThat(stored(id).story()).isEqualTo(run + "-story");
        assertThat(stored(id).storyScore()).isEqualTo(1.0);
    }

    @Test
    void aMergeMovesTheArticlesOfOneStoryIntoTheOtherAndLaterAssignmentsFollowIt() throws Exception {
        String run = run();
        String big = run + "-big";
        String small = run + "-small";
        send(List.of(article(run + "-1", "Japan and Vietnam sign a labour deal"), article(run + "-2", "Nhật Bản và Việt Nam ký thỏa thuận"),
                article(run + "-3", "Le Japon et le Vietnam signent")));
        await(() -> stored(run + "-3") != null && stored(run + "-1") != null && stored(run + "-2") != null, "the articles");
        assign(assignment(run + "-1", big, null, 1.0, List.of(), List.of()),
                assignment(run + "-2", big, run + "-1", 0.8, List.of("japan"), List.of()),
                assignment(run + "-3", small, null, 1.0, List.of(), List.of()));
        await(() -> small.equals(stored(run + "-3").story()) && big.equals(stored(run + "-2").story()), "the two stories");

        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.STORIES, StoryMerge.key(small),
                    JSON.writeValueAsString(new StoryMerge(1, small, big, run + "-4", Instant.now())))).get();
        }
        await(() -> big.equals(stored(run + "-3").story()), "the merged article in the larger story");
        assertThat(stored(run + "-3").storyScore()).as("the evidence stays").isEqualTo(1.0);

        assign(assignment(run + "-5", small, run + "-3", 0.6, List.of(), List.of()));
        await(() -> stored(run + "-5") != null && stored(run + "-5").story() != null, "the late assignment");
        assertThat(stored(run + "-5").story()).isEqualTo(big);
        assertThat(stored(run + "-1").story()).isEqualTo(big);
    }

    @Test
    void anUnreadableStoryRecordIsADeadLetterAndTheNextOnesAreWritten() throws Exception {
        String run = run();
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.STORIES, run + "-bad", "{\"articleId\": \"" + run + "-bad\", \"score\": 7")).get();
        }
        assign(assignment(run + "-good", run + "-story", null, 1.0, List.of(), List.of()));
        await(() -> stored(run + "-good") != null, "the readable assignment after the unreadable one");
        assertThat(stored(run + "-bad")).isNull();
    }

    private static StoryAssignment assignment(String articleId, String storyId, String matched, double score, List<String> names,
            List<String> numbers) {
        return new StoryAssignment(1, articleId, storyId, matched, score, names, numbers, names, numbers,
                LocalDate.parse("2026-11-20"), true, "JP-VN", Instant.parse("2026-11-20T09:05:00Z"));
    }

    private static void assign(StoryAssignment... assignments) throws Exception {
        try (KafkaProducer<String, String> producer = producer()) {
            for (StoryAssignment a : assignments) {
                producer.send(new ProducerRecord<>(Topics.STORIES, a.articleId(), JSON.writeValueAsString(a))).get();
            }
        }
    }

    private Stored stored(String id) {
        try {
            var response = elasticsearch.get(g -> g.index(ArticleDocument.ALIAS).id(id), Stored.class);
            return response.found() ? Objects.requireNonNull(response.source()) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String run() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        ClassifiedEvents.await(condition, what, Duration.ofSeconds(30));
    }
}
