package io.newsradar.ingest.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsradar.contracts.FeedSpec;
import io.newsradar.contracts.RawArticle;
import io.newsradar.contracts.UrlCanonicalizer;
import io.newsradar.contracts.XmlText;
import io.newsradar.ingest.dedupe.ItemIdentity;
import io.newsradar.ingest.parse.FeedItem;
import io.newsradar.ingest.parse.ParsedFeed;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/** What ingest publishes of an item: clean text within its limits, believable dates, its site, an event that fits. */
class ItemMapperTest {

    private static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");
    private static final FeedSpec FEED = FeedSpec.of("wire", "https://rss.example.vn/tin-moi.rss", "vi");
    private static final ParsedFeed PARSED = new ParsedFeed("Báo Ví Dụ", "vi", "rss_2.0", null, null, List.of());

    private final ItemMapper mapper = new ItemMapper(FieldLimits.DEFAULTS);

    @Test
    void cutsTitleLeadAndBodyAtAWordToTheirLimitsAndNamesThem() {
        String title = words(3_000);
        String lead = words(20_000);
        String body = words(3_000_000);
        FeedItem item = item(title, lead, body, List.of());

        RawArticle article = toArticle(mapper, FEED, item);

        assertThat(article.title().length()).isBetween(800, 1_000);
        assertThat(article.lead().length()).isBetween(4_000, 5_000);
        assertThat(article.body().length()).isBetween(80_000, 100_000);
        assertThat(cutAtAWord(title, article.title())).isTrue();
        assertThat(cutAtAWord(lead, article.lead())).isTrue();
        assertThat(cutAtAWord(body, article.body())).isTrue();
        assertThat(article.truncated()).containsExactly("title", "lead", "body");
    }

    @Test
    void leavesTextWithinItsLimitsWhole() {
        RawArticle article = toArticle(mapper, FEED, item("Gunma mở văn phòng", "Tin ngắn.", "Nội dung.", List.of()));

        assertThat(article.truncated()).isEmpty();
        assertThat(article.body()).isEqualTo("Nội dung.");
    }

    @Test
    void cutsTextWithoutSpacesAtTheLimitWithoutSplittingASurrogatePair() {
        String emoji = "\uD83D\uDCF0";
        FeedItem item = item("x", "", "日本".repeat(30_000) + emoji.repeat(40_000), List.of());

        RawArticle article = toArticle(mapper, FEED, item);

        assertThat(article.body()).hasSizeLessThanOrEqualTo(100_000);
        assertThat(Character.isHighSurrogate(article.body().charAt(article.body().length() - 1))).isFalse();
    }

    @Test
    void cutsTheBodyFurtherWhenTheWholeEventWouldPassItsSizeLimit() {
        FeedItem item = item("Tin", "", "日本語の記事".repeat(20_000), List.of());

        RawArticle article = toArticle(mapper, FEED, item);

        assertThat(JsonMapper.builder().build().writeValueAsBytes(article).length).isLessThanOrEqualTo(256 * 1024);
        assertThat(article.body().length()).isBetween(60_000, 100_000);
        assertThat(article.truncated()).containsExactly("body");
    }

    @Test
    void refusesAnArticleThatCannotFitItsSizeLimitEvenWithoutItsBody() {
        ItemMapper tight = new ItemMapper(new FieldLimits(1_000, 5_000, 100_000, 50, 200, 2_048, 16 * 1024));
        FeedItem item = item("Việt".repeat(250), "日本".repeat(2_500), "body", List.of());

        assertThatThrownBy(() -> toArticle(tight, FEED, item)).isInstanceOf(ItemRefused.class)
                .hasMessageContaining("without its body").hasMessageContaining("16384 bytes").hasMessageContaining("max-event-size");
    }

    @Test
    void refusesAnItemWhoseLinkOrGuidIsLongerThanAnIdentityMayBe() {
        FeedItem longLink = new FeedItem("t", "https://rss.example.vn/" + "a".repeat(5_000), null, "", "", null, null, List.of());
        FeedItem longGuid = new FeedItem("t", null, "urn:" + "g".repeat(5_000), "", "", null, null, List.of());

        for (FeedItem item : List.of(longLink, longGuid)) {
            assertThatThrownBy(() -> toArticle(mapper, FEED, item)).isInstanceOf(ItemRefused.class)
                    .hasMessageContaining("over the limit of 2048");
        }
    }

    @Test
    void keepsTheFirstCategoriesEachCutToItsLength() {
        List<String> categories = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            categories.add("chủ đề " + i + " " + "x".repeat(i));
        }

        RawArticle article = toArticle(mapper, FEED, item("t", "", "", categories));

        assertThat(article.categories()).hasSize(50).startsWith("chủ đề 0", "chủ đề 1 x").allSatisfy(c -> assertThat(c).hasSizeLessThanOrEqualTo(200));
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"0000", "0001", "0008", "000B", "001F", "FFFE", "FFFF", "D800", "DFFF"})
    void stripsCharactersXmlForbidsFromEveryTextFieldItPublishes(String hex) {
        String bad = String.valueOf((char) Integer.parseInt(hex, 16));
        FeedSpec feed = new FeedSpec(1, "wire", "https://rss.example.vn/tin-moi.rss", "Báo" + bad, "vi" + bad, null, false, true);
        FeedItem item = new FeedItem("Tiêu" + bad + "đề", "https://rss.example.vn/a", "guid" + bad, "Tóm" + bad + "tắt",
                "Nội" + bad + "dung", null, null, List.of("Kinh" + bad + "tế"));

        RawArticle article = toArticle(mapper, feed, item);

        Stream.concat(Stream.of(article.title(), article.lead(), article.body(), article.source(), article.language(),
                article.guid()), article.categories().stream()).forEach(text -> {
                    assertThat(text).doesNotContain(bad);
                    assertThat(XmlText.strip(text)).isEqualTo(text);
                });
        assertThat(article.title()).isEqualTo("Tiêuđề");
        assertThat(article.categories()).containsExactly("Kinhtế");
    }

    static Stream<Instant> implausibleDates() {
        return Stream.of(Instant.parse("0001-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59Z"),
                Instant.parse("1989-12-31T23:59:59Z"), NOW.plus(Duration.ofDays(2)), Instant.MIN, Instant.MAX);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implausibleDates")
    void refusesAnImplausiblePublicationDateKeepingItAsGivenAndFallsBackToTheUpdateTime(Instant date) {
        Instant updated = Instant.parse("2026-12-01T10:00:00Z");
        FeedItem item = new FeedItem("t", "https://rss.example.vn/a", null, "", "", date, updated, List.of());

        RawArticle article = toArticle(mapper, FEED, item);

        assertThat(article.publishedAt()).isEqualTo(updated);
        assertThat(article.publishedFrom()).isEqualTo("updated");
        assertThat(article.dateAsGiven()).isEqualTo(date.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implausibleDates")
    void anItemWhoseOnlyDatesAreImplausibleIsDatedWhenIngested(Instant date) {
        FeedItem item = new FeedItem("t", "https://rss.example.vn/a", null, "", "", date, date, List.of());

        RawArticle article = toArticle(mapper, FEED, item);

        assertThat(article.publishedAt()).isEqualTo(NOW);
        assertThat(article.publishedFrom()).isEqualTo("ingested");
        assertThat(article.updatedAt()).isNull();
        assertThat(article.dateAsGiven()).isEqualTo(date.toString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1990-01-01T00:00:00Z", "2026-12-02T07:00:00Z", "2026-12-03T07:59:59Z"})
    void takesABelievableDateAsGiven(String date) {
        FeedItem item = new FeedItem("t", "https://rss.example.vn/a", null, "", "", Instant.parse(date), null, List.of());

        RawArticle article = toArticle(mapper, FEED, item);

        assertThat(article.publishedAt()).isEqualTo(Instant.parse(date));
        assertThat(article.publishedFrom()).isEqualTo("published");
        assertThat(article.dateAsGiven()).isNull();
    }

    @ParameterizedTest(name = "{0} publishes {1}: {2}")
    @CsvSource({
            "https://rss.example.vn/tin.rss,        https://www.example.vn/a/1,        true",
            "https://EXAMPLE.vn./tin.rss,           https://news.example.vn/a/1,       true",
            "https://feeds.bbc.co.uk/news.rss,      https://www.bbc.co.uk/news/1,      true",
            "https://rss.example.vn/tin.rss,        https://other.example.com/a/1,     false",
            "https://evil.co.uk/news.rss,           https://www.bbc.co.uk/news/1,      false",
            "https://a.github.io/feed.xml,          https://b.github.io/post,          false",
            "https://example.vn.evil.com/feed,      https://example.vn/a,              false",
            "http://127.0.0.1:8080/feed,            http://127.0.0.1:9090/a,           true",
            "http://127.0.0.1:8080/feed,            http://127.0.0.2/a,                false"})
    void saysWhetherTheFeedIsOnTheArticlesSite(String feedUrl, String link, boolean sameSite) {
        FeedItem item = new FeedItem("t", link, null, "", "", null, null, List.of());

        RawArticle article = toArticle(mapper, FeedSpec.of("f", feedUrl, "en"), item);

        assertThat(article.sameSite()).isEqualTo(sameSite);
    }

    @Test
    void anItemWithOnlyAGuidIsItsFeedsOwn() {
        FeedItem item = new FeedItem("t", null, "urn:desk:1", "", "", null, null, List.of());

        assertThat(toArticle(mapper, FEED, item).sameSite()).isTrue();
    }

    private static FeedItem item(String title, String summary, String content, List<String> categories) {
        return new FeedItem(title, "https://rss.example.vn/a/1", null, summary, content, NOW.minusSeconds(60), null, categories);
    }

    /** Vietnamese words, about {@code length} characters. */
    private static String words(int length) {
        StringBuilder text = new StringBuilder(length + 16);
        while (text.length() < length) {
            text.append("Thực tập sinh lao ");
        }
        return text.toString().strip();
    }

    /** Whether the cut text is the original up to just before a space. */
    private static boolean cutAtAWord(String original, String cut) {
        return original.startsWith(cut) && !cut.endsWith(" ") && original.charAt(cut.length()) == ' ';
    }

    /** The article of an item as the assembler has it built: the identity checked and worked out first, no page. */
    private static RawArticle toArticle(ItemMapper mapper, FeedSpec feed, FeedItem item) {
        mapper.checkIdentity(item);
        return mapper.toArticle(feed, PARSED, item, ItemIdentity.of(feed.feedId(), item, UrlCanonicalizer::canonicalOrNull),
                null, NOW);
    }
}
