package io.newsradar.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.gateway.search.ArticleView;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentArticlesTest {

    @Test
    void whatCameAfterAHeldArticleIsInTheOrderItWasReadWhateverTheClassificationTimes() {
        // Given articles read in this order, the third classified earlier by a classifier whose clock is behind
        RecentArticles recent = new RecentArticles(10);
        recent.add(article("A", 1000));
        recent.add(article("B", 2000));
        recent.add(article("C", 1500));
        recent.add(article("D", 3000));

        // When a stream resumes from B, then it gets C and D; from an article not held, nothing is known
        assertThat(recent.after(position("B", 2000), a -> true).orElseThrow()).extracting(a -> a.view().id()).containsExactly("C", "D");
        assertThat(recent.after(position("B", 2000), a -> !a.view().id().equals("C")).orElseThrow())
                .extracting(a -> a.view().id()).containsExactly("D");
        assertThat(recent.after(position("X", 2000), a -> true)).isEmpty();
        // and by position alone, C is not after B
        assertThat(recent.laterThan(position("B", 2000), a -> true)).extracting(a -> a.view().id()).containsExactly("D");
    }

    @Test
    void keepsOnlyTheLatestArticles() {
        RecentArticles recent = new RecentArticles(2);
        recent.add(article("A", 1000));
        recent.add(article("B", 2000));
        recent.add(article("C", 3000));

        assertThat(recent.after(position("A", 1000), a -> true)).isEmpty();
        assertThat(recent.newest()).contains(position("C", 3000));
    }

    @Test
    void aStreamDropsARevisionItHasJustSentButNotOneSentLongAgo() {
        SentRecently sent = new SentRecently(2);

        assertThat(sent.firstTime(1)).isTrue();
        assertThat(sent.firstTime(1)).isFalse();
        assertThat(sent.firstTime(2)).isTrue();
        assertThat(sent.firstTime(3)).isTrue();
        assertThat(sent.firstTime(1)).isTrue();
    }

    private static EventPosition position(String id, long classifiedAt) {
        return new EventPosition(classifiedAt, id);
    }

    private static LiveArticle article(String id, long classifiedAt) {
        ArticleView view = new ArticleView(id, null, "t", "", "s", "f", "en", Instant.EPOCH, null, List.of(), List.of(), List.of(),
                null, "test");
        return new LiveArticle(position(id, classifiedAt), view, " t ", "{}", id.hashCode(), classifiedAt);
    }
}
