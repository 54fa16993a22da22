package io.newsradar.index.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.contracts.ArticleDocument;
import io.newsradar.contracts.ClassifiedArticle;
import io.newsradar.contracts.RawArticle;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who may change an article's words, and how other feeds are recorded. */
class OwnershipTest {

    private static final Instant FIRST = Instant.parse("2026-11-20T09:00:00Z");
    private static final Instant LATER = Instant.parse("2026-11-20T10:00:00Z");
    private static final Ownership.Stored BY_OWNER = new Ownership.Stored("owner-feed", "Owner News", List.of(), FIRST, 7, 1);

    @Test
    void aNewArticleIsCreatedAndOwnedByTheFeedThatPublishedIt() {
        Ownership.Write write = Ownership.decide(revision("owner-feed", false, "Headline", FIRST), null);

        assertThat(write).isInstanceOfSatisfying(Ownership.Create.class, create -> {
            assertThat(create.document().feedId()).isEqualTo("owner-feed");
            assertThat(create.document().alsoIn()).isEmpty();
        });
    }

    @Test
    void theOwnersNewerRevisionReplacesTheWordsAtTheSequenceNumberRead() {
        Ownership.Write write = Ownership.decide(revision("owner-feed", false, "Revised headline", LATER), BY_OWNER);

        assertThat(write).isInstanceOfSatisfying(Ownership.Replace.class, replace -> {
            assertThat(replace.document().title()).isEqualTo("Revised headline");
            assertThat(replace.read().seqNo()).isEqualTo(7);
            assertThat(replace.document().alsoIn()).isEmpty();
        });
    }

    @Test
    void anArticleWhoseStoryCameFirstTakesTheStoryOnlyDocumentAtItsSequenceNumberAndKeepsTheStory() {
        StoryFields story = new StoryFields("q3B8o5y0dq2yqD7kYF8bUw", 0.7, "a1", List.of("toyota"), List.of(), FIRST);
        Ownership.Stored storyOnly = new Ownership.Stored(null, null, List.of(), null, story, 3, 1);

        Ownership.Write write = Ownership.decide(revision("claiming-feed", false, "Headline", FIRST), storyOnly);

        assertThat(write).isInstanceOfSatisfying(Ownership.Replace.class, replace -> {
            assertThat(replace.document().feedId()).as("the first feed owns it").isEqualTo("claiming-feed");
            assertThat(replace.read().seqNo()).isEqualTo(3);
            assertThat(replace.read().story()).isEqualTo(story);
        });
    }

    @Test
    void anotherFeedOffTheArticlesSiteIsRecordedAsASourceAndLeavesTheWords() {
        Ownership.Write write = Ownership.decide(revision("claiming-feed", false, "Someone else's headline", LATER), BY_OWNER);

        assertThat(write).isInstanceOfSatisfying(Ownership.AddSource.class,
                add -> assertThat(add.alsoIn()).containsExactly("claiming-feed"));
    }

    @Test
    void aFeedAlreadyRecordedChangesNothingSoARedeliveryIsHarmless() {
        Ownership.Stored recorded = new Ownership.Stored("owner-feed", "Owner News", List.of("claiming-feed"), FIRST, 8, 1);

        assertThat(Ownership.decide(revision("claiming-feed", false, "Someone else's headline", LATER), recorded))
                .isInstanceOf(Ownership.Unchanged.class);
    }

    @Test
    void aFeedOnTheArticlesOwnSiteChangesTheWordsButTheOwnerStays() {
        Ownership.Write write = Ownership.decide(revision("site-feed", true, "The site's own headline", LATER), BY_OWNER);

        assertThat(write).isInstanceOfSatisfying(Ownership.Replace.class, replace -> {
            assertThat(replace.document().title()).isEqualTo("The site's own headline");
            assertThat(replace.document().feedId()).isEqualTo("owner-feed");
            assertThat(replace.document().source()).isEqualTo("Owner News");
            assertThat(replace.document().alsoIn()).containsExactly("site-feed");
        });
    }

    @Test
    void anOlderRevisionOfTheOwnerIsStale() {
        Ownership.Stored newer = new Ownership.Stored("owner-feed", "Owner News", List.of(), LATER, 9, 1);

        assertThat(Ownership.decide(revision("owner-feed", false, "The first headline", FIRST), newer))
                .isInstanceOf(Ownership.Unchanged.class);
    }

    @Test
    void theSameRevisionAgainIsWrittenAgainSoThatANewClassifierRetagsIt() {
        assertThat(Ownership.decide(revision("owner-feed", false, "Headline", FIRST), BY_OWNER)).isInstanceOf(Ownership.Replace.class);
    }

    private static Revision revision(String feedId, boolean sameSite, String title, Instant ingestedAt) {
        RawArticle raw = new RawArticle(1, "article-1", "https://owner.example/story", null, feedId, feedId + " name", "en",
                title, "", "", List.of(), FIRST, ingestedAt, null, null, List.of(), null, sameSite);
        ArticleDocument document = ArticleDocument.of(new ClassifiedArticle(1, raw, "test", LATER, "en", null, List.of(),
                List.of(), List.of()));
        return new Revision(document, sameSite);
    }
}
