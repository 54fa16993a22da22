package io.newsradar.alert.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsradar.contracts.ClassifiedArticle;
import io.newsradar.contracts.SavedSearch;
import io.newsradar.reference.ReferenceData;
import io.newsradar.reference.filter.ArticleFilterCases;
import io.newsradar.reference.filter.FilteredArticle;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Saved searches, filed by their most selective term, match articles exactly as the article filters do. */
class SearchIndexTest {

    private static final ReferenceData DATA = ReferenceData.load(null);
    private static final Map<String, ClassifiedArticle> ARTICLES = ArticleFilterCases.articles();
    private static final Instant SAVED = Instant.parse("2026-11-01T00:00:00Z");

    @Test
    void matchesEveryArticleOfTheCaseTableAsTheTableSays() {
        // Given every case of the article filters' table saved as a search, all in one index
        List<ArticleFilterCases.Case> cases = ArticleFilterCases.cases();
        SearchIndex index = new SearchIndex(DATA);
        for (int i = 0; i < cases.size(); i++) {
            index.put(search("case-" + i, cases.get(i).query()));
        }

        for (String name : ARTICLES.keySet()) {
            // When an article is matched
            Set<String> matched = index.matches(FilteredArticle.of(ARTICLES.get(name))).stream()
                    .map(SavedSearch::searchId).collect(Collectors.toSet());

            // Then it matches exactly the searches the table says match it
            Set<String> expected = new java.util.HashSet<>();
            for (int i = 0; i < cases.size(); i++) {
                ArticleFilterCases.Case c = cases.get(i);
                if (c.article().equals(name) && c.matches()) {
                    expected.add("case-" + i);
                }
            }
            assertThat(matched).as(name).containsAll(expected);
            for (int i = 0; i < cases.size(); i++) {
                ArticleFilterCases.Case c = cases.get(i);
                if (c.article().equals(name) && !c.matches()) {
                    assertThat(matched).as(c.toString()).doesNotContain("case-" + i);
                }
            }
        }
    }

    @Test
    void triesOnlyTheSearchesFiledUnderTheArticlesTerms() {
        // Given 10,000 searches for other pairs and regions, one for the article's pair and one with dates only
        SearchIndex index = new SearchIndex(DATA);
        for (int i = 0; i < 5_000; i++) {
            index.put(search("fr-" + i, Map.of("pair", List.of("FR-DE"), "topic", List.of("aid"))));
            index.put(search("kh-" + i, Map.of("region", List.of("JP-13"))));
        }
        index.put(search("ours", Map.of("pair", List.of("VN-JP"), "topic", List.of("labour"))));
        index.put(search("dated", Map.of("from", List.of("2026-11-01"))));

        FilteredArticle interns = FilteredArticle.of(ARTICLES.get("interns"));

        // Then the article is tried against those two alone, and matches both
        assertThat(index.candidates(interns).keySet()).containsExactlyInAnyOrder("ours", "dated");
        assertThat(index.matches(interns)).extracting(SavedSearch::searchId).containsExactlyInAnyOrder("ours", "dated");
        assertThat(index.scanned()).isEqualTo(1);
    }

    @Test
    void filesASearchWithOnlyTitleWordsUnderItsLongestWord() {
        SearchIndex index = new SearchIndex(DATA);
        index.put(search("dam", Map.of("q", List.of("Mekong dam"))));
        index.put(search("other", Map.of("q", List.of("typhoon"))));

        assertThat(index.candidates(FilteredArticle.of(ARTICLES.get("dam"))).keySet()).containsExactly("dam");
        assertThat(index.scanned()).isZero();
    }

    @Test
    void forgetsASearchReplacedRemovedOrDisabled() {
        SearchIndex index = new SearchIndex(DATA);
        FilteredArticle interns = FilteredArticle.of(ARTICLES.get("interns"));
        index.put(search("s", Map.of("pair", List.of("JP-VN"))));
        assertThat(index.matches(interns)).hasSize(1);

        index.put(search("s", Map.of("pair", List.of("LA-VN"))));
        assertThat(index.matches(interns)).isEmpty();
        assertThat(index.matches(FilteredArticle.of(ARTICLES.get("dam")))).hasSize(1);

        index.put(new SavedSearch(1, "s", "s", "newsroom", Map.of("pair", List.of("LA-VN")), null, false, SAVED, SAVED));
        assertThat(index.size()).isZero();

        index.put(search("t", Map.of()));
        index.retainOnly(Set.of());
        assertThat(index.size()).isZero();
        assertThat(index.matches(interns)).isEmpty();
    }

    @Test
    void refusesASearchWhoseFiltersCannotBeReadNamingItAndTheFilter() {
        SearchIndex index = new SearchIndex(DATA);
        index.put(search("s", Map.of("pair", List.of("JP-VN"))));

        assertThatThrownBy(() -> index.put(search("s", Map.of("country", List.of("XX")))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("saved search s: country 'XX'");
        assertThat(index.size()).isZero();
    }

    static SavedSearch search(String id, Map<String, List<String>> query) {
        return new SavedSearch(1, id, "search " + id, "newsroom", query, null, true, SAVED, SAVED);
    }
}
