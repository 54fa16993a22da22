package io.newsradar.gateway.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

class ArticleQueryTest {

    @Test
    void readsRepeatedAndCommaSeparatedValuesAsAlternatives() {
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        parameters.add("country", "jp");
        parameters.add("country", "VN,la");
        parameters.add("pair", "vn-jp");
        parameters.add("topic", "Labour");

        ArticleQuery query = ArticleQuery.from(parameters, 20, 100);

        assertThat(query.countries()).containsExactly("JP", "VN", "LA");
        assertThat(query.pairs()).containsExactly("JP-VN");
        assertThat(query.topics()).containsExactly("labour");
        assertThat(query.size()).isEqualTo(20);
        assertThat(query.text()).isNull();
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            country | JPN     | country must be an ISO 3166-1 alpha-2 code such as JP, was 'JPN'
            pair    | VN      | pair: a pair is two ISO country codes joined by '-', such as JP-VN; was VN
            pair    | VN-VN   | pair: a pair needs two different countries, was VN-VN
            size    | 101     | size must be a whole number from 1 to 100, was '101'
            size    | ten     | size must be a whole number from 1 to 100, was 'ten'
            topic   | a b     | topic must be a key such as 'labour' or 'vi', was 'a b'
            sort    | newest  | unknown parameter 'sort'; known: country, lang, pair, q, size, topic
            """)
    void rejectsABadParameterSayingWhichAndWhy(String name, String value, String message) {
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        parameters.add(name, value);

        assertThatThrownBy(() -> ArticleQuery.from(parameters, 20, 100))
                .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.parameter()).isEqualTo(name))
                .hasMessage(message);
    }

    @Test
    void foldsFreeTextAndKeepsItOutOfQuerySyntax() {
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        parameters.add("q", "Bắc Giang AND title:* OR /.*/");

        String query = ArticleSearch.toQuery(ArticleQuery.from(parameters, 20, 100)).toString();

        assertThat(query).contains("\"multi_match\"", "\"bac giang and title:* or /.*/\"").doesNotContain("query_string");
    }
}
