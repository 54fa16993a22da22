package io.newsradar.gateway.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

class KnownCodesTest {

    private static final KnownCodes CODES = KnownCodes.load(null);

    @ParameterizedTest(name = "{0}={1} is {2}")
    @CsvSource(delimiter = '|', textBlock = """
            pair    | JP-VN  | JP-VN
            pair    | VN-JP  | JP-VN
            pair    | vn-jp  | JP-VN
            country | JP     | JP
            country | jp     | JP
            region  | VN-56  | VN-56
            region  | VN-54  | VN-54
            region  | vn-54  | VN-54
            region  | JP-10  | JP-10
            topic   | labour | labour
            topic   | Labour | labour
            """)
    void acceptsAKnownCodeInAnyCaseAndWritesItAsTheIndexDoes(String parameter, String value, String written) {
        assertThat(ArticleQuery.from(query(parameter, value), 20, 100, CODES)).satisfies(q -> assertThat(switch (parameter) {
            case "pair" -> q.pairs();
            case "country" -> q.countries();
            case "region" -> q.regions();
            default -> q.topics();
        }).containsExactly(written));
    }

    @ParameterizedTest(name = "[{index}] {0}={1} ({2})")
    @CsvSource(delimiter = '|', textBlock = """
            pair    | XX-YY       | unknown countries
            pair    | JP-XX       | one unknown country
            pair    | VN-VN       | one country twice
            pair    | JP_VN       | wrong separator
            pair    | JP-VN-LA    | three countries
            pair    | JPN-VNM     | alpha-3 codes
            pair    | JP-ѴN       | Cyrillic izhitsa for V
            country | ZZ          | unassigned
            country | XK          | user-assigned, not ISO
            country | J           | one letter
            country | JPN         | alpha-3
            country | 81          | digits
            country | ＪＰ        | full-width letters
            country | JР          | Cyrillic Er for P
            country | ıt          | dotless i, upper-cased to IT
            country | ſe          | long s, upper-cased to SE
            region  | VN-999      | unknown code of a known country
            region  | VN-99       | unknown code
            region  | ZZ-01       | unknown country
            region  | VN54        | no hyphen
            region  | VN-5４      | full-width digit
            region  | VN-54-56    | two codes
            region  | JP-ı0       | dotless i
            topic   | nonsense    | not in the taxonomy
            topic   | labor       | another spelling
            topic   | a b         | a space
            topic   | laboùr      | a letter outside ASCII
            topic   | ʟabour      | small capital L
            """)
    void refusesAnyOtherValueNamingTheParameterAndTheValueAndWhereTheValidOnesAre(String parameter, String value, String why) {
        assertThatThrownBy(() -> ArticleQuery.from(query(parameter, value), 20, 100, CODES))
                .as(why)
                .isInstanceOfSatisfying(InvalidQueryException.class, e -> {
                    assertThat(e.parameter()).isEqualTo(parameter);
                    assertThat(e.value()).isEqualTo(value);
                })
                .hasMessageStartingWith(parameter + " '" + value + "' ")
                .hasMessageEndingWith("every valid value: GET /api/v1/codes");
    }

    @Test
    void anOverlongValueIsRefusedAndRepeatedOnlyInPart() {
        String value = "VN-" + "5".repeat(5000);

        assertThatThrownBy(() -> ArticleQuery.from(query("region", value), 20, 100, CODES))
                .isInstanceOfSatisfying(InvalidQueryException.class, e -> {
                    assertThat(e.value()).hasSize(41).startsWith("VN-555").endsWith("…");
                    assertThat(e.getMessage()).hasSizeLessThan(200);
                });
    }

    @Test
    void aTopicRefusedListsTheTopicsOfTheTaxonomy() {
        assertThatThrownBy(() -> CODES.topic("nonsense"))
                .hasMessageContaining("(investment, aid, culture, labour)");
    }

    @Test
    void aNewsroomsOwnTopicIsAcceptedFromTheSameDirectoryTheClassifierReads() throws URISyntaxException {
        KnownCodes newsroom = KnownCodes.load(Path.of(KnownCodesTest.class.getResource("/newsroom-data").toURI()));

        assertThat(newsroom.topic("shipping")).isEqualTo("shipping");
        assertThatThrownBy(() -> CODES.topic("shipping")).isInstanceOf(InvalidQueryException.class);
        assertThat(newsroom.region("VN-54")).isEqualTo("VN-54");
    }

    @Test
    void aFilterOnAMergedRegionOrItsSuccessorMatchesBoth() {
        assertThat(CODES.relatedRegions("VN-54")).containsExactly("VN-54", "VN-56");
        assertThat(CODES.relatedRegions("VN-56")).containsExactly("VN-54", "VN-56");
    }

    private static MultiValueMap<String, String> query(String parameter, String value) {
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        parameters.add(parameter, value);
        return parameters;
    }
}
