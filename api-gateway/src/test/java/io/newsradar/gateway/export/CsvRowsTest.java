package io.newsradar.gateway.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.gateway.search.ArticleView;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class CsvRowsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void writesAnArticleAsOneRfc4180RecordWithListsJoinedBySemicolons() throws IOException {
        ArticleView article = JSON.readValue(resource("article-with-awkward-fields.json"), ArticleView.class);

        String row = CsvRows.row(article);

        assertThat(row).isEqualTo(new String(resource("article-with-awkward-fields.csv"), StandardCharsets.UTF_8));
        assertThat(row).endsWith("\r\n");
    }

    @Test
    void theHeaderNamesTheColumnsInTheOrderOfTheRows() {
        assertThat(CsvRows.HEADER).isEqualTo("id,url,title,source,feed,language,publishedAt,pair,countries,regions,topics\r\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            equals sign                | =HYPERLINK("http://evil.example";"x") | "'=HYPERLINK(""http://evil.example"";""x"")"
            plus sign                  | +1+cmd /C calc!A0                     | '+1+cmd /C calc!A0
            minus sign                 | -2+3                                  | '-2+3
            at sign                    | @SUM(A1:A9)                           | '@SUM(A1:A9)
            spaces before equals       | `   =1+1`                             | '   =1+1
            no-break space before plus | \\u00a0+1                             | '\\u00a0+1
            full-width equals          | ＝1+1                                 | '＝1+1
            full-width plus            | ＋1+1                                 | '＋1+1
            full-width minus           | －1+1                                 | '－1+1
            full-width at              | ＠SUM(A1)                             | '＠SUM(A1)
            plain words                | Vietnam and Japan sign a deal         | Vietnam and Japan sign a deal
            signs inside the text      | Profit = revenue - cost               | Profit = revenue - cost
            a comma, quoted            | Hanoi, Tokyo                          | "Hanoi, Tokyo"
            a quote, doubled           | The "Look East" policy                | "The ""Look East"" policy"
            """)
    void defusesWhatASpreadsheetWouldRunAsAFormulaAndQuotesWhatMustBe(String name, String value, String written) {
        String field = CsvRows.field(new StringBuilder(), value.replace("\\u00a0", "\u00a0")).toString();

        assertThat(field).as(name).isEqualTo(written.replace("\\u00a0", "\u00a0"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\t", "\r", "\n", "\t=1+1", "\r=1+1", "\nplain"})
    void defusesACellStartingWithATabOrALineBreak(String value) {
        String field = CsvRows.field(new StringBuilder(), value).toString();

        assertThat(field).startsWith(value.charAt(0) == '\t' ? "'\t" : "\"'" + value.charAt(0));
    }

    @Test
    void writesAnIdStartingWithAMinusAsItIsSoThatItResumesAnExport() {
        ArticleView article = new ArticleView("-b2Jw0q4sV1mK8pT3nR7aQ", "https://news.example/1", "-5% exports", null, null,
                null, null, null, null, java.util.List.of(), java.util.List.of(), java.util.List.of(), null, null);

        assertThat(CsvRows.row(article)).isEqualTo("-b2Jw0q4sV1mK8pT3nR7aQ,https://news.example/1,'-5% exports,,,,,,,,\r\n");
    }

    @Test
    void leavesAnEmptyOrMissingValueAsAnEmptyField() {
        assertThat(CsvRows.field(new StringBuilder(), null).toString()).isEmpty();
        assertThat(CsvRows.field(new StringBuilder(), "").toString()).isEmpty();
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = CsvRowsTest.class.getResourceAsStream("/export/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
