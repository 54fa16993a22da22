package io.newsradar.index.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsradar.contracts.ArticleDocument;
import io.newsradar.contracts.ClassifiedArticle;
import io.newsradar.contracts.RawArticle;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the writer does with each answer Elasticsearch gives a document: written, conflicting with another writer (read
 * again and decided again), refused for now (written again, alone, with backoff), refused for good (given back as
 * rejected), or no answer at all (the whole batch is retryable). The answers are built by {@link ScriptedElasticsearch}.
 */
class ArticleBulkWriterTest {

    private static final Instant FIRST = Instant.parse("2026-11-20T09:00:00Z");
    private static final Instant LATER = Instant.parse("2026-11-20T10:00:00Z");

    private final ScriptedElasticsearch elasticsearch = new ScriptedElasticsearch();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private ArticleBulkWriter writer;

    @AfterEach
    void closeWriter() {
        if (writer != null) {
            writer.close();
        }
    }

    @Test
    void newArticlesAreCreatedInOneBulkAndCounted() {
        List<ArticleBulkWriter.Rejected> rejected = writer().write(List.of(revision("a", "owner-feed", FIRST),
                revision("b", "owner-feed", FIRST)));

        assertThat(rejected).isEmpty();
        assertThat(elasticsearch.bulks()).hasSize(1);
        assertThat(operations(0)).allMatch(BulkOperation::isCreate).extracting(op -> op.create().id()).containsExactly("a", "b");
        assertThat(counter("newsradar.index.documents")).isEqualTo(2);
    }

    @Test
    void aDocumentRefusedForGoodIsGivenBackWithItsStatusAndReasonAndTheOthersAreWritten() {
        elasticsearch.refusing("bad", 400);
        Revision bad = revision("bad", "owner-feed", FIRST);

        List<ArticleBulkWriter.Rejected> rejected = writer().write(List.of(revision("good", "owner-feed", FIRST), bad));

        assertThat(rejected).singleElement().satisfies(r -> {
            assertThat(r.revision()).isSameAs(bad);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.reason()).startsWith("document_parsing_exception: ");
        });
        assertThat(elasticsearch.bulks()).as("a document refused for good is not written again").hasSize(1);
        assertThat(elasticsearch.stored("good")).isNotNull();
        assertThat(counter("newsradar.index.documents")).isEqualTo(1);
    }

    @Test
    void documentsRefusedForNowAreWrittenAgainAloneUntilTaken() {
        elasticsearch.refusing("busy", 429, 503);

        List<ArticleBulkWriter.Rejected> rejected = writer().write(List.of(revision("calm", "owner-feed", FIRST),
                revision("busy", "owner-feed", FIRST)));

        assertThat(rejected).isEmpty();
        assertThat(elasticsearch.bulks()).hasSize(3);
        assertThat(operations(1)).extracting(op -> op.create().id()).containsExactly("busy");
        assertThat(operations(2)).extracting(op -> op.create().id()).containsExactly("busy");
        assertThat(counter("newsradar.index.retries")).isEqualTo(2);
        assertThat(counter("newsradar.index.documents")).isEqualTo(2);
    }

    @Test
    void documentsStillRefusedForNowWhenTheNextBackoffPassesTheTimeoutMakeTheBatchRetryable() {
        elasticsearch.refusing("busy", 503);
        writer = new ArticleBulkWriter(elasticsearch.client(), settings(Duration.ofMillis(200), Duration.ofSeconds(30)), meters);

        assertThatThrownBy(() -> writer.write(List.of(revision("busy", "owner-feed", FIRST))))
                .isInstanceOf(RetryableWriteException.class)
                .hasMessageContaining("still refused 1 of 1 documents for now")
                .hasMessageContaining("busy: 503");
        assertThat(elasticsearch.bulks()).hasSize(1);
    }

    @Test
    void aConflictWithAnotherWriterIsDecidedAgainOnWhatIsStoredNow() {
        // Between the read and the write, another feed's copy of the article was created: the create conflicts, and
        // the second round finds the article owned by that feed, so this feed is only recorded as a further source.
        elasticsearch.overtakenBy("shared", new StoredArticles.Source("first-feed", "First News", List.of(), FIRST));

        List<ArticleBulkWriter.Rejected> rejected = writer().write(List.of(revision("shared", "second-feed", LATER)));

        assertThat(rejected).isEmpty();
        assertThat(elasticsearch.bulks()).hasSize(2);
        assertThat(operations(0).get(0).isCreate()).isTrue();
        BulkOperation second = operations(1).get(0);
        assertThat(second.isUpdate()).isTrue();
        assertThat(second.update().ifSeqNo()).as("conditioned on the second read").isEqualTo(1L);
        assertThat(elasticsearch.stored("shared").feedId()).isEqualTo("first-feed");
        assertThat(elasticsearch.stored("shared").alsoIn()).containsExactly("second-feed");
    }

    @Test
    void conflictsThatNeverEndMakeTheBatchRetryable() {
        Integer[] always = new Integer[30];
        Arrays.fill(always, 409);
        elasticsearch.refusing("contested", always);

        assertThatThrownBy(() -> writer().write(List.of(revision("contested", "owner-feed", FIRST))))
                .isInstanceOf(RetryableWriteException.class)
                .hasMessageContaining("changed by another writer")
                .hasMessageContaining("contested");
    }

    @Test
    void revisionsOfOneArticleAreWrittenInTheirOrderOneRoundEach() {
        List<ArticleBulkWriter.Rejected> rejected = writer().write(List.of(revision("a", "owner-feed", FIRST),
                revision("a", "owner-feed", LATER)));

        assertThat(rejected).isEmpty();
        assertThat(elasticsearch.bulks()).hasSize(2);
        assertThat(operations(0).get(0).isCreate()).isTrue();
        BulkOperation replace = operations(1).get(0);
        assertThat(replace.isIndex()).isTrue();
        assertThat(replace.index().ifSeqNo()).as("the sequence number the first write left").isEqualTo(1L);
        assertThat(elasticsearch.stored("a").ingestedAt()).isEqualTo(LATER);
    }

    @Test
    void aRevisionOlderThanTheStoredWordsIsCountedStaleAndNotSent() {
        elasticsearch.storing("a", new StoredArticles.Source("owner-feed", "owner-feed name", List.of(), LATER));

        List<ArticleBulkWriter.Rejected> rejected = writer().write(List.of(revision("a", "owner-feed", FIRST)));

        assertThat(rejected).isEmpty();
        assertThat(elasticsearch.bulks()).isEmpty();
        assertThat(counter("newsradar.index.stale")).isEqualTo(1);
        assertThat(elasticsearch.stored("a").ingestedAt()).isEqualTo(LATER);
    }

    @Test
    void anElasticsearchThatCannotBeReachedMakesTheBatchRetryable() {
        elasticsearch.unreachable();

        assertThatThrownBy(() -> writer().write(List.of(revision("a", "owner-feed", FIRST))))
                .isInstanceOf(RetryableWriteException.class)
                .hasMessageContaining("could not read the articles about to be written")
                .hasMessageContaining("Connection refused");
    }

    @Test
    void anArticleThatCannotBeReadBeforeWritingMakesTheBatchRetryable() {
        elasticsearch.failingToRead("b");

        assertThatThrownBy(() -> writer().write(List.of(revision("a", "owner-feed", FIRST), revision("b", "owner-feed", FIRST))))
                .isInstanceOf(RetryableWriteException.class)
                .hasMessageContaining("could not read article b")
                .hasMessageContaining("no shard available");
        assertThat(elasticsearch.bulks()).as("nothing of the batch is written").isEmpty();
    }

    private ArticleBulkWriter writer() {
        writer = new ArticleBulkWriter(elasticsearch.client(), settings(Duration.ofSeconds(30), Duration.ofMillis(1)), meters);
        return writer;
    }

    private static ArticleBulkWriter.Settings settings(Duration acknowledgeTimeout, Duration retryInitial) {
        return new ArticleBulkWriter.Settings(100, 1_000_000, 1, Duration.ofMinutes(10), acknowledgeTimeout, retryInitial,
                retryInitial.multipliedBy(4));
    }

    private List<BulkOperation> operations(int bulk) {
        BulkRequest request = elasticsearch.bulks().get(bulk);
        return request.operations();
    }

    private double counter(String name) {
        return meters.get(name).counter().count();
    }

    private static Revision revision(String articleId, String feedId, Instant ingestedAt) {
        RawArticle raw = new RawArticle(1, articleId, "https://owner.example/" + articleId, null, feedId, feedId + " name", "en",
                "Headline of " + articleId, "", "", List.of(), FIRST, ingestedAt, null, null, List.of(), null, false);
        return new Revision(ArticleDocument.of(new ClassifiedArticle(1, raw, "test", LATER, "en", null, List.of(), List.of(),
                List.of())), false);
    }
}
