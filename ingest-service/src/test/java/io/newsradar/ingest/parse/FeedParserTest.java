package io.newsradar.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Formats, fields and dates; charsets, hostile documents and time bounds have their own test classes. */
class FeedParserTest {

    private final FeedParser parser = new FeedParser();

    /** What the first item of each format's fixture must come out as. */
    record FormatCase(String fixture, String contentType, String source, String format, int items, String title,
            String link, String guid, String published, String updated) {

        @Override
        public String toString() {
            return format + " from " + fixture + (contentType == null ? "" : " served as " + contentType);
        }
    }

    static Stream<FormatCase> formats() {
        return Stream.of(
                new FormatCase("rss091-en-labour.xml", "application/rss+xml", "https://labour.example.com/rss.xml",
                        "rss_0.91U", 2, "Vietnamese caregivers pass Japan's national exam in record numbers",
                        "https://labour.example.com/2026/11/caregivers-exam", null, null, null),
                new FormatCase("rss092-fr-culture.xml", null, "https://culture.example.fr/rss",
                        "rss_0.92", 3, "Le théâtre de marionnettes sur l'eau joue à Kyoto",
                        "https://culture.example.fr/scenes/marionnettes-kyoto", null, null, null),
                new FormatCase("rss1-rdf-vi-vien-tro.xml", "application/rdf+xml", "https://vientro.example.vn/rss",
                        "rss_1.0", 2, "Nhật Bản cam kết vốn ODA cho dự án cầu ở Cần Thơ",
                        "https://vientro.example.vn/oda-cau-can-tho", "https://vientro.example.vn/oda-cau-can-tho",
                        "2026-11-19T02:30:00Z", null),
                new FormatCase("rss2-vi-kinh-te.xml", "application/rss+xml; charset=UTF-8",
                        "https://news.example.vn/rss/kinh-te.rss", "rss_2.0", 2,
                        "Doanh nghiệp tỉnh Gunma tìm hiểu cơ hội đầu tư tại Bắc Giang",
                        "https://news.example.vn/kinh-te/gunma-bac-giang-123.html?utm_source=rss&utm_medium=feed",
                        "kt-123", "2026-11-17T20:15:00Z", null),
                new FormatCase("rss2-vi-kinh-te.xml", "text/html; charset=utf-8",
                        "https://news.example.vn/rss/kinh-te.rss", "rss_2.0", 2,
                        "Doanh nghiệp tỉnh Gunma tìm hiểu cơ hội đầu tư tại Bắc Giang",
                        "https://news.example.vn/kinh-te/gunma-bac-giang-123.html?utm_source=rss&utm_medium=feed",
                        "kt-123", "2026-11-17T20:15:00Z", null),
                new FormatCase("atom03-en-investment.xml", "application/atom+xml", "https://invest.example.com/atom",
                        "atom_0.3", 1, "Japanese electronics maker opens second plant in Bac Ninh",
                        "https://invest.example.com/news/bac-ninh-plant", "tag:invest.example.com,2026:bac-ninh-plant",
                        "2026-11-20T09:00:00Z", "2026-11-21T02:30:00Z"),
                new FormatCase("atom-fr-monde.xml", "application/atom+xml", "https://actu.example.fr/flux/monde.atom",
                        "atom_1.0", 1, "Le Japon et le Vietnam renforcent leur coopération & leurs échanges",
                        "https://actu.example.fr/monde/asie/japon-vietnam-cooperation",
                        "tag:actu.example.fr,2026:article-88", null, "2026-11-20T07:45:00Z"),
                new FormatCase("atom-en-xml-base.xml", null, "https://asia.example.org/feed.atom",
                        "atom_1.0", 2, "Tariffs <> trade: what the new agreement changes",
                        "https://mirror.example.org/asia/vietnam/trade-agreement.html",
                        "tag:mirror.example.org,2026:trade-agreement", "2026-11-21T23:00:00Z", "2026-11-22T09:30:00Z"),
                new FormatCase("jsonfeed-vi-lao-dong.json", "application/feed+json", "https://laodong.example.vn/feed.json",
                        "json_1.1", 2, "Kỹ sư công nghệ thông tin sang Nhật làm việc tăng mạnh",
                        "https://laodong.example.vn/viec-lam/ky-su-cntt-sang-nhat", "ld-2026-311",
                        "2026-11-20T00:00:00Z", "2026-11-20T03:30:00Z"),
                new FormatCase("jsonfeed-vi-lao-dong.json", "application/octet-stream",
                        "https://laodong.example.vn/feed.json", "json_1.1", 2,
                        "Kỹ sư công nghệ thông tin sang Nhật làm việc tăng mạnh",
                        "https://laodong.example.vn/viec-lam/ky-su-cntt-sang-nhat", "ld-2026-311",
                        "2026-11-20T00:00:00Z", "2026-11-20T03:30:00Z"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void readsEachFormatIntoPlainItemsWithAbsoluteLinksAndSeparateDates(FormatCase c) throws Exception {
        ParsedFeed feed = parser.parse(URI.create(c.source()), fixture(c.fixture()), c.contentType());

        assertThat(feed.format()).isEqualTo(c.format());
        assertThat(feed.items()).hasSize(c.items());
        FeedItem first = feed.items().get(0);
        assertThat(first.title()).isEqualTo(c.title());
        assertThat(first.link()).isEqualTo(c.link());
        assertThat(first.guid()).isEqualTo(c.guid());
        assertThat(first.published()).isEqualTo(c.published() == null ? null : Instant.parse(c.published()));
        assertThat(first.updated()).isEqualTo(c.updated() == null ? null : Instant.parse(c.updated()));
    }

    /** What each fixture says about the feed as a whole. */
    record FeedCase(String fixture, String title, String language, Duration ttl, Duration updatePeriod) {

        @Override
        public String toString() {
            return fixture;
        }
    }

    static Stream<FeedCase> feeds() {
        return Stream.of(
                new FeedCase("rss2-en-ttl-and-dates.xml", "Mekong Business Wire", "en-US", Duration.ofMinutes(30), null),
                new FeedCase("rss1-rdf-vi-vien-tro.xml", "Viện trợ & Hợp tác phát triển", "vi", null,
                        Duration.ofMinutes(30)),
                new FeedCase("rss092-fr-culture.xml", "Culture d'Asie", "fr", null, null),
                new FeedCase("atom03-en-investment.xml", "Investment Monitor", "en", null, null),
                new FeedCase("atom-en-xml-base.xml", "Asia Desk", "en", null, null),
                new FeedCase("jsonfeed-vi-lao-dong.json", "Lao động & Việc làm", "vi", null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("feeds")
    void readsTheFeedsTitleLanguageAndHowOftenItChanges(FeedCase c) throws Exception {
        ParsedFeed feed = parser.parse(URI.create("https://feeds.example.org/f"), fixture(c.fixture()));

        assertThat(feed.title()).isEqualTo(c.title());
        assertThat(feed.language()).isEqualTo(c.language());
        assertThat(feed.ttl()).isEqualTo(c.ttl());
        assertThat(feed.updatePeriod()).isEqualTo(c.updatePeriod());
    }

    /** The pubDate of each item of rss2-en-ttl-and-dates.xml, in order; null where no date can be read. */
    static Stream<Arguments> dates() {
        return Stream.of(
                Arguments.of("RFC 822 with +0700", 0, Instant.parse("2026-11-19T01:00:00Z")),
                Arguments.of("ISO 8601 with offset", 1, Instant.parse("2026-11-19T02:15:00Z")),
                Arguments.of("RFC 822 with GMT", 2, Instant.parse("2026-11-19T01:00:00Z")),
                Arguments.of("no time zone: unreadable, null", 3, null),
                Arguments.of("not a date: null", 4, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dates")
    void readsTheDateFormatsFeedsUseAndLeavesUnreadableDatesNull(String name, int index, Instant expected)
            throws Exception {
        ParsedFeed feed = parser.parse(URI.create("https://wire.example.com/rss"), fixture("rss2-en-ttl-and-dates.xml"));

        assertThat(feed.items()).hasSize(5);
        assertThat(feed.items().get(index).published()).isEqualTo(expected);
        assertThat(feed.items().get(index).link()).isEqualTo("https://wire.example.com/a/" + (index + 1));
    }

    @Test
    void reducesAVietnameseRssItemToPlainText() throws Exception {
        ParsedFeed feed = parser.parse(URI.create("https://news.example.vn/rss/kinh-te.rss"), fixture("rss2-vi-kinh-te.xml"));

        FeedItem first = feed.items().get(0);
        assertThat(first.summary()).isEqualTo("Đoàn 15 doanh nghiệp Nhật Bản làm việc với lãnh đạo tỉnh về khu công nghiệp.");
        assertThat(first.content()).contains("tỉnh Gunma (Nhật Bản)", "đào tạo tiếng Nhật").doesNotContain("<p>");
        assertThat(first.categories()).containsExactly("Kinh tế", "Đầu tư");
        assertThat(feed.items().get(1).guid()).as("an RSS item without guid has none, not its link").isNull();
    }

    @Test
    void followsAtomXmlBaseAndKeepsAtomPlainTextLiteral() throws Exception {
        ParsedFeed feed = parser.parse(URI.create("https://asia.example.org/feed.atom"), fixture("atom-en-xml-base.xml"));

        FeedItem first = feed.items().get(0);
        assertThat(first.summary()).isEqualTo("Duties on farm produce fall over five years.");
        assertThat(first.content()).isEqualTo("Rice and coffee exporters gain first. Car parts follow in 2029.");
        assertThat(first.categories()).containsExactly("trade", "japan");
        assertThat(feed.items().get(1).link()).isEqualTo("https://mirror.example.org/ports/hai-phong-yokohama");
        assertThat(feed.items().get(1).published()).isNull();
    }

    @Test
    void readsJsonFeedItemsWithNumericIdsTextContentAndUnreadableDates() throws Exception {
        ParsedFeed feed = parser.parse(URI.create("https://laodong.example.vn/feed.json"), fixture("jsonfeed-vi-lao-dong.json"));

        FeedItem first = feed.items().get(0);
        assertThat(first.summary()).isEqualTo("Nhu cầu tuyển dụng tại Tokyo và Osaka tăng gấp đôi.");
        assertThat(first.content()).isEqualTo("Theo các công ty phái cử, số kỹ sư được tuyển năm nay tăng gấp đôi.");
        assertThat(first.categories()).containsExactly("Lao động", "Nhật Bản");
        FeedItem second = feed.items().get(1);
        assertThat(second.guid()).isEqualTo("312");
        assertThat(second.content()).isEqualTo("Khóa học kéo dài mười tháng.");
        assertThat(second.published()).isNull();
    }

    @Test
    void keepsItemsThatHaveOnlyAGuid() throws Exception {
        ParsedFeed feed = parser.parse(URI.create("https://desk.example.com/rss"), fixture("rss2-items-without-link.xml"));

        assertThat(feed.items()).extracting(FeedItem::link).containsOnlyNulls();
        assertThat(feed.items()).extracting(FeedItem::guid).containsExactly("labour-desk-2026-0042", null);
    }

    @Test
    void usesAPermalinkGuidAsTheLinkOfAnItemWithout() throws Exception {
        byte[] rss = """
                <rss version="2.0"><channel><title>T</title><link>https://w.example/</link><description>d</description>
                <item><title>Only a permalink guid</title><guid>https://w.example/a/9</guid></item>
                <item><title>A guid that is no URL</title><guid>w-10</guid></item></channel></rss>
                """.getBytes(StandardCharsets.UTF_8);

        ParsedFeed feed = parser.parse(URI.create("https://w.example/rss"), rss);

        assertThat(feed.items()).extracting(FeedItem::link).containsExactly("https://w.example/a/9", null);
        assertThat(feed.items()).extracting(FeedItem::guid).containsExactly("https://w.example/a/9", "w-10");
    }

    @Test
    void oneParserServesManyThreadsAtOnce() throws Exception {
        List<String> fixtures = formats().map(FormatCase::fixture).distinct().toList();
        List<ParsedFeed> expected = new ArrayList<>();
        for (String name : fixtures) {
            expected.add(parser.parse(URI.create("https://feeds.example.org/f"), fixture(name)));
        }
        var pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> runs = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i % fixtures.size();
                byte[] document = fixture(fixtures.get(n));
                runs.add(pool.submit(() -> parser.parse(URI.create("https://feeds.example.org/f"), document)
                        .equals(expected.get(n))));
            }
            for (var run : runs) {
                assertThat(run.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = FeedParserTest.class.getResourceAsStream("/feeds/" + name)) {
            assertThat(in).as("fixture %s", name).isNotNull();
            return in.readAllBytes();
        }
    }
}
