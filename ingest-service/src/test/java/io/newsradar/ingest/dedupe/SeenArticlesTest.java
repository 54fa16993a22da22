package io.newsradar.ingest.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.contracts.ArticleId;
import io.newsradar.contracts.FeedState.SeenArticle;
import io.newsradar.contracts.UrlCanonicalizer;
import io.newsradar.ingest.dedupe.SeenArticles.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeenArticlesTest {

    private static SeenArticle item(String link, String guid, String title, String lead) {
        return new SeenArticle(ArticleId.ofItem("feed", link, guid), Fingerprints.storyKey(canonical(link, guid)),
                Fingerprints.contentHash(title, lead, ""));
    }

    private static String canonical(String link, String guid) {
        String url = UrlCanonicalizer.canonicalOrNull(link);
        return url != null ? url : UrlCanonicalizer.canonicalOrNull(guid);
    }

    @Test
    void anItemPublishedBeforeIsSeenAndANewOneIsNew() {
        SeenArticles seen = new SeenArticles(List.of(), 10);
        SeenArticle gunma = item("https://tin.example.vn/gunma", null, "Gunma đón thực tập sinh", "Tin ngắn.");
        seen.remember(gunma);

        assertThat(seen.judge(item("https://tin.example.vn/gunma", null, "Gunma đón thực tập sinh", "Tin ngắn.")))
                .isEqualTo(Verdict.SEEN);
        assertThat(seen.judge(item("https://tin.example.vn/bac-giang", null, "Bắc Giang mở khu công nghiệp", "Tin.")))
                .isEqualTo(Verdict.NEW);
    }

    @Test
    void aStoryWhoseLinkMovesFromHttpToHttpsIsTheSameStory() {
        SeenArticles seen = new SeenArticles(List.of(), 10);
        seen.remember(item("http://tin.example.vn/gunma?utm_source=rss", "http://tin.example.vn/gunma", "Gunma", "Tin."));

        SeenArticle moved = item("https://tin.example.vn/gunma", "https://tin.example.vn/gunma", "Gunma", "Tin.");

        assertThat(moved.articleId()).as("the id follows the URL, scheme included")
                .isNotEqualTo(ArticleId.ofUrl("http://tin.example.vn/gunma"));
        assertThat(seen.judge(moved)).isEqualTo(Verdict.SEEN);
    }

    @Test
    void anItemWhoseOpaqueGuidChangesButWhoseWordsDoNotIsTheSameStory() {
        SeenArticles seen = new SeenArticles(List.of(), 10);
        seen.remember(item(null, "urn:story:1", "Hanoi and Tokyo sign a labour deal", "Interns get new rights."));

        assertThat(seen.judge(item(null, "urn:story:1-v2", "Hanoi and Tokyo sign a labour deal", "Interns get new rights.")))
                .isEqualTo(Verdict.SEEN);
    }

    @Test
    void distinctArticlesWithTheSameWordsButTheirOwnUrlsAreBothNew() {
        SeenArticles seen = new SeenArticles(List.of(), 10);
        seen.remember(item("https://wire.example.com/briefing/2026-11-30", null, "Morning briefing", ""));

        assertThat(seen.judge(item("https://wire.example.com/briefing/2026-12-01", null, "Morning briefing", "")))
                .isEqualTo(Verdict.NEW);
    }

    @Test
    void changedWordsUnderTheSameIdAreAnUpdateButSpacingPunctuationAndCaseAreNot() {
        SeenArticles seen = new SeenArticles(List.of(), 10);
        seen.remember(item("https://wire.example.com/a", null, "Japan pledges aid to Quang Tri", "Three dead."));

        assertThat(seen.judge(item("https://wire.example.com/a", null, "JAPAN pledges aid  to Quang Tri!", "Three dead")))
                .isEqualTo(Verdict.SEEN);
        assertThat(seen.judge(item("https://wire.example.com/a", null, "Japan pledges aid to Quang Tri", "Five dead.")))
                .isEqualTo(Verdict.CHANGED);
    }

    @Test
    void remembersOnlyTheNewestUpToItsCapacityAndKeepsThemNewestFirst() {
        SeenArticles seen = new SeenArticles(List.of(), 2);
        SeenArticle a = item("https://x.example/a", null, "A", "");
        SeenArticle b = item("https://x.example/b", null, "B", "");
        SeenArticle c = item("https://x.example/c", null, "C", "");
        seen.remember(a);
        seen.remember(b);
        seen.remember(c);

        assertThat(seen.newestFirst()).containsExactly(c, b);
        assertThat(seen.judge(a)).isEqualTo(Verdict.NEW);
        assertThat(new SeenArticles(seen.newestFirst(), 2).newestFirst()).as("read back from a saved state").containsExactly(c, b);
    }
}
