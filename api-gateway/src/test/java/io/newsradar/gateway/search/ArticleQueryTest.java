package io.newsradar.gateway.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

class ArticleQueryTest {

    private static final KnownCodes CODES = KnownCodes.load(null);


    @Test
    void readsRepeatedAndCommaSeparatedValuesAsAlternatives() {
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        parameters.add("country", "jp");
        parameters.add("country", "VN,la");
        parameters.add("pair", "vn-jp");
        parameters.add("topic", "Labour");

        ArticleQuery query = ArticleQuery.from(parameters, 20, 100, CODES);

        assertThat(query.countries()).containsExactly("JP", "VN", "LA");
        assertThat(query.pairs()).containsExactly("JP-VN");
        assertThat(query.topics()).containsExactly("labour");
        assertThat(query.size()).isEqualTo(20);
        assertThat(query.text()).isNull();
    }

    @Test
    void takesStoryIdsAndFiltersOnThemAndOnlyOnArticles() {
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        parameters.add("story", "q3B8o5y0dq2yqD7kYF8bUw,AAAAAAAAAAAAAAAAAAAA-_");

        ArticleQuery query = ArticleQuery.from(parameters, 20, 100, CODES);
        String es = ArticleSearch.toQuery(query, CODES).toString();

        assertThat(query.stories()).containsExactly("q3B8o5y0dq2yqD7kYF8bUw", "AAAAAAAAAAAAAAAAAAAA-_");
        assertThat(es).contains("\"story\":[\"q3B8o5y0dq2yqD7kYF8bUw\",\"AAAAAAAAAAAAAAAAAAAA-_\"]");
        assertThat(es).contains("\"exists\":{\"field\":\"articleId\"}");
        assertThat(ArticleSearch.fingerprint(query)).isNotEqualTo(ArticleSearch.fingerprint(ArticleQuery.from(new LinkedMultiValueMap<>(), 20, 100, CODES)));
    }

    @ParameterizedTest(name = "story={0}")
    @CsvSource({"short", "q3B8o5y0dq2yqD7kYF8bUw1", "q3B8o5y0dq2yqD7kYF8b+w", "q3B8o5y0dq2yqD7kYF8b=w"})
    void refusesAStoryThatIsNoArticleIdNamingTheParameter(String raw) {
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        parameters.add("story", raw);

        assertThatThrownBy(() -> ArticleQuery.filters(parameters, CODES, java.util.Set.of()))
                .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.parameter()).isEqualTo("story"))
                .hasMessageContaining("was '" + raw + "'");
    }

    @Test
    void collapseTakesStoryOnlyWithoutACursorAndKeepsArticlesInNoStoryOut() {
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        parameters.add("collapse", "story");
        ArticleQuery query = ArticleQuery.from(parameters, 20, 100, CODES);
        assertThat(query.collapse()).isTrue();
        assertThat(ArticleSearch.toQuery(query, CODES).toString()).contains("\"exists\":{\"field\":\"story\"}");

        MultiValueMap<String, String> other = new LinkedMultiValueMap<>();
        other.add("collapse", "source");
        assertThatThrownBy(() -> ArticleQuery.from(other, 20, 100, CODES))
                .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.parameter()).isEqualTo("collapse"));
        assertThat(ArticleQuery.from(new LinkedMultiValueMap<>(), 20, 100, CODES).collapse()).isFalse();
    }

    @ParameterizedTest(name = "minConfidence={0}")
    @CsvSource({"0, 0.0", "1, 1.0", "0.5, 0.5", ".25, 0.25", "1.000, 1.0"})
    void takesAMinConfidenceFromZeroToOne(String raw, double expected) {
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        parameters.add("minConfidence", raw);

        assertThat(ArticleQuery.from(parameters, 20, 100, CODES).minConfidence()).isEqualTo(expected);
        assertThat(ArticleQuery.from(new LinkedMultiValueMap<>(), 20, 100, CODES).minConfidence()).isZero();
    }

    @Test
    void refusesAMinConfidenceGivenTwice() {
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        parameters.add("minConfidence", "0.5");
        parameters.add("minConfidence", "0.5");

        assertThatThrownBy(() -> ArticleQuery.filters(parameters, CODES, java.util.Set.of()))
                .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.parameter()).isEqualTo("minConfidence"))
                .hasMessage("minConfidence may be given once");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            country | JPN     | country 'JPN' is not an ISO 3166-1 alpha-2 country code, such as JP or VN; every valid value: GET /api/v1/codes
            pair    | VN      | pair 'VN' is not two ISO 3166-1 alpha-2 codes joined by '-', such as JP-VN; every valid value: GET /api/v1/codes
            pair    | VN-VN   | pair 'VN-VN' needs two different countries; every valid value: GET /api/v1/codes
            size    | 101     | size must be a whole number from 1 to 100, was '101'
            size    | ten     | size must be a whole number from 1 to 100, was 'ten'
            topic   | a b     | topic 'a b' is not a topic newsradar tags (investment, aid, culture, labour); every valid value: GET /api/v1/codes
            size    | 0       | size must be a whole number from 1 to 100, was '0'
            size    | 1000000 | size must be a whole number from 1 to 100, was '1000000'
            sort    | random  | sort must be newest or relevance, was 'random'
            sort    | relevance | sort=relevance needs a q to be relevant to
            region  | VN-99   | region 'VN-99' is not an ISO 3166-2 code of a region newsradar tags, such as VN-54 or JP-10; every valid value: GET /api/v1/codes
            from    | yesterday | from must be a date (2026-11-20) or a time with its offset (2026-11-20T09:00:00Z), was 'yesterday'
            to      | 2026-13-45 | to must be a date (2026-11-20) or a time with its offset (2026-11-20T09:00:00Z), was '2026-13-45'
            cursor  | abc     | cursor must be the 'next' value of a previous page, unchanged: it is not of the form a cursor has
            from    | +10000-01-01T00:00:00Z | from must lie between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z, was '+10000-01-01T00:00:00Z'
            to      | -1000000000-01-01T00:00:00Z | to must be a date (2026-11-20) or a time with its offset (2026-11-20T09:00:00Z), was '-1000000000-01-01T00:00:00Z'
            to      | +999999999-12-31T23:59:59Z | to must lie between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z, was '+999999999-12-31T23:59:59Z'
            from    | 0000-12-31T23:59:59Z | from must lie between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z, was '0000-12-31T23:59:59Z'
            from    | 1000000000 | from must be a date (2026-11-20) or a time with its offset (2026-11-20T09:00:00Z), was '1000000000'
            source  | <script> | source must be a source's name (letters, digits, spaces, up to 100), was '<script>'
            minConfidence | NaN  | minConfidence must be a number from 0 to 1, such as 0.5, was 'NaN'
            minConfidence | -0.1 | minConfidence must be a number from 0 to 1, such as 0.5, was '-0.1'
            minConfidence | 1.01 | minConfidence must be a number from 0 to 1, such as 0.5, was '1.01'
            minConfidence | high | minConfidence must be a number from 0 to 1, such as 0.5, was 'high'
            minConfidence | 5e-1 | minConfidence must be a number from 0 to 1, such as 0.5, was '5e-1'
            minConfidence | 0x1p-1 | minConfidence must be a number from 0 to 1, such as 0.5, was '0x1p-1'
            minConfidence | Infinity | minConfidence must be a number from 0 to 1, such as 0.5, was 'Infinity'
            index   | news    | unknown parameter 'index'; known: collapse, country, cursor, feed, from, lang, minConfidence, pair, q, region, size, sort, source, story, to, topic
            """)
    void rejectsABadParameterSayingWhichAndWhy(String name, String value, String message) {
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        parameters.add(name, value);

        assertThatThrownBy(() -> ArticleQuery.from(parameters, 20, 100, CODES))
                .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.parameter()).isEqualTo(name))
                .hasMessage(message);
    }

    @ParameterizedTest(name = "region={0}")
    @CsvSource({"VN-54, VN-54 VN-56", "vn-56, VN-54 VN-56", "JP-10, JP-10"})
    void aRegionMatchesItsMergedPredecessorsAndSuccessor(String region, String expected) {
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        parameters.add("region", region);

        String query = ArticleSearch.toQuery(ArticleQuery.from(parameters, 20, 100, CODES), CODES).toString();

        assertThat(query).contains("\"regions\":[" + String.join(",", java.util.Arrays.stream(expected.split(" "))
                .map(c -> "\"" + c + "\"").toList()) + "]");
    }

    @Test
    void acceptsDatesAndTimesAndRefusesAnEmptyRange() {
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        parameters.add("from", "2026-11-20");
        parameters.add("to", "2026-11-21T06:00:00+07:00");

        ArticleQuery query = ArticleQuery.from(parameters, 20, 100, CODES);

        assertThat(query.from()).hasToString("2026-11-20T00:00:00Z");
        assertThat(query.to()).hasToString("2026-11-20T23:00:00Z");
        parameters.set("to", "2026-11-19");
        assertThatThrownBy(() -> ArticleQuery.from(parameters, 20, 100, CODES)).hasMessage("from must be before to");
    }

    @Test
    void acceptsTheFirstAndLastInstantsOfFourDigitYears() {
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        parameters.add("from", "0001-01-01");
        parameters.add("to", "9999-12-31T23:59:59.999Z");

        ArticleQuery query = ArticleQuery.from(parameters, 20, 100, CODES);

        assertThat(query.from()).isEqualTo(ArticleQuery.EARLIEST);
        assertThat(query.to()).isEqualTo(ArticleQuery.LATEST);
    }

    @Test
    void takesFreeTextHoldingCharactersXmlForbidsAsText() {
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        parameters.add("q", "\u0001 tin \uFFFF [x]");

        assertThat(ArticleQuery.feed(parameters, 50, 100, CODES).text()).isEqualTo("\u0001 tin \uFFFF [x]");
    }

    @Test
    void foldsFreeTextAndKeepsItOutOfQuerySyntax() {
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        parameters.add("q", "Bắc Giang AND title:* OR /.*/");

        String query = ArticleSearch.toQuery(ArticleQuery.from(parameters, 20, 100, CODES), CODES).toString();

        assertThat(query).contains("\"multi_match\"", "\"bac giang and title:* or /.*/\"").doesNotContain("query_string");
    }

    @Test
    void aFeedMatchesTheArticlesItPublishedFirstAndThoseItAlsoCarried() {
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        parameters.add("feed", "regional-daily");

        String query = ArticleSearch.toQuery(ArticleQuery.from(parameters, 20, 100, CODES), CODES).toString();

        assertThat(query).contains("\"feedId\":[\"regional-daily\"]", "\"alsoIn\":[\"regional-daily\"]", "\"minimum_should_match\":\"1\"");
    }
}
