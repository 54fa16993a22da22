package io.newsradar.ingest.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.contracts.FeedSpec;
import io.newsradar.ingest.extract.ExtractedArticle;
import io.newsradar.ingest.parse.ParsedFeed;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The language is decided once, in ingest, and says where it came from. */
class ArticleLanguageTest {

    private static final String VI = "Các doanh nghiệp Nhật Bản đã đến tỉnh Bắc Giang để tìm hiểu cơ hội đầu tư trong năm nay.";
    private static final String EN = "The governor of Gunma said the prefecture will send more trainees to Vietnam this year.";
    private static final String DE = "Der Gouverneur und die Delegation sind nicht mit dem Zug gekommen, sagt er auch.";
    private static final String NAMES = "Gunma Aichi Tokyo Osaka";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            a registry hint the text agrees with is kept as written   | en-GB | -     | -  | EN    | en-GB | feed
            the page's tag when the registry gives none               | -     | vi-VN | en | VI    | vi-VN | page
            the document's tag when neither registry nor page does    | -     | -     | fr | NAMES | fr    | feed
            a hint the text contradicts gives way to what it reads    | vi    | -     | -  | EN    | en    | detected
            a supported hint over text in another language is none    | en    | -     | -  | DE    | und   | detected
            a hint newsradar does not read is kept                    | ja    | -     | -  | NAMES | ja    | feed
            no hint and clear text                                    | -     | -     | -  | VI    | vi    | detected
            no hint and text that says nothing                        | -     | -     | -  | NAMES | und   | detected
            a blank registry hint is no hint                          | ' '   | -     | en | EN    | en    | feed
            """)
    void decidesOnceAndSaysWhereFrom(String name, String feedHint, String pageLanguage, String documentLanguage,
            String text, String tag, String from) {
        FeedSpec feed = FeedSpec.of("f", "https://news.example/rss", feedHint);
        ExtractedArticle page = pageLanguage == null ? null
                : new ExtractedArticle("Headline", "", "", pageLanguage, null, null, null);
        ParsedFeed parsed = new ParsedFeed("News", documentLanguage, "rss_2.0", null, null, List.of());

        ArticleLanguage language = ArticleLanguage.decide(feed, page, parsed, "", textOf(text), "");

        assertThat(language).isEqualTo(new ArticleLanguage(tag, from));
    }

    private static String textOf(String key) {
        return switch (key) {
            case "VI" -> VI;
            case "EN" -> EN;
            case "DE" -> DE;
            default -> NAMES;
        };
    }
}
