package io.newsradar.reference.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsradar.contracts.ClassifiedArticle;
import io.newsradar.reference.ReferenceData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The article filters, read from a saved search's parameters and applied to one article, answer as the API does. */
class ArticleFilterTest {

    private static final ReferenceData DATA = ReferenceData.load(null);
    private static final FilterParameters PARAMETERS = new FilterParameters(DATA);
    private static final Map<String, ClassifiedArticle> ARTICLES = ArticleFilterCases.articles();

    static List<ArticleFilterCases.Case> cases() {
        return ArticleFilterCases.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesAsTheCaseTableSays(ArticleFilterCases.Case given) {
        // Given the filters as a saved search keeps them
        ArticleFilter filter = new ArticleFilter(PARAMETERS.parse(given.query()), DATA.regions()::related);

        // When the article is matched, then the answer is the table's
        assertThat(filter.matches(FilteredArticle.of(ARTICLES.get(given.article())))).isEqualTo(given.matches());
    }

    @Test
    void theTableCoversEveryFilterAndBothAnswers() {
        List<ArticleFilterCases.Case> cases = ArticleFilterCases.cases();

        assertThat(cases.stream().flatMap(c -> c.query().keySet().stream()).distinct())
                .containsExactlyInAnyOrderElementsOf(FilterParameters.NAMES);
        assertThat(cases).anyMatch(ArticleFilterCases.Case::matches).anyMatch(c -> !c.matches());
        assertThat(cases).allMatch(c -> ARTICLES.containsKey(c.article()));
    }

    @Test
    void refusesAnUnknownParameterNamingIt() {
        assertThatThrownBy(() -> PARAMETERS.parse(Map.of("regoin", List.of("VN-54"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown parameter 'regoin'");
    }

    @Test
    void refusesACodeTheReferenceDataDoesNotKnow() {
        assertThatThrownBy(() -> PARAMETERS.parse(Map.of("region", List.of("VN-999"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("region 'VN-999'");
        assertThatThrownBy(() -> PARAMETERS.parse(Map.of("pair", List.of("JP-JP"))))
                .hasMessageStartingWith("pair 'JP-JP'");
        assertThatThrownBy(() -> PARAMETERS.parse(Map.of("minConfidence", List.of("1.5"))))
                .hasMessageStartingWith("minConfidence '1.5'");
    }

    @Test
    void writesCodesAsTheIndexHoldsThem() {
        FilterCriteria criteria = PARAMETERS.parse(Map.of("pair", List.of("vn-jp"), "country", List.of("la"),
                "topic", List.of("Labour"), "lang", List.of("VI")));

        assertThat(criteria.pairs()).containsExactly("JP-VN");
        assertThat(criteria.countries()).containsExactly("LA");
        assertThat(criteria.topics()).containsExactly("labour");
        assertThat(criteria.languages()).containsExactly("vi");
    }
}
