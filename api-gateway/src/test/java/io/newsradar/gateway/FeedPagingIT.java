package io.newsradar.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.newsradar.contracts.ArticleId;
import io.newsradar.contracts.ClassifiedArticle;
import io.newsradar.contracts.CountryTag;
import io.newsradar.contracts.PairTag;
import io.newsradar.contracts.RawArticle;
import io.newsradar.contracts.TopicTag;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A feed reader following the Atom and RSS feeds' {@code rel="next"} links (RFC 5005) to the end, against a real
 * Elasticsearch node: every matching article once, newest first, whatever is indexed meanwhile.
 */
@RunningGateway
class FeedPagingIT {

    /** Every article of this class is in this feed, so the other test classes' articles are not counted. */
    private static final String FEED = "p" + Long.toString(System.nanoTime(), 36);
    /** A source name the filters allow that holds what XML and query strings read as syntax. */
    private static final String SOURCE = "Tom & Jerry's (news)";
    private static final Instant DAY = Instant.parse("2026-10-01T00:00:00Z");
    private static final int MATCHING = 23;
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Value("${local.server.port}")
    int port;

    @BeforeAll
    static void seed() throws Exception {
        // 23 labour articles from the source, hours apart; and culture ones and another source's between them.
        List<ClassifiedArticle> articles = new ArrayList<>();
        for (int i = 0; i < MATCHING; i++) {
            articles.add(article(i, SOURCE, "labour"));
            articles.add(article(100 + i, SOURCE, "culture"));
            articles.add(article(200 + i, "NHK World", "labour"));
        }
        IndexedArticles.index(articles);
    }

    @Test
    void aReaderSendingTheKeyInAHeaderFollowsAtomNextLinksToEveryMatchOnce() throws Exception {
        // 'to' keeps out the newer articles the RSS test adds.
        List<Page> pages = follow("/feeds/v1/articles.atom?feed=" + FEED + "&source=" + encode(SOURCE) + "&topic=labour&size=5"
                + "&to=2026-10-02", true);

        assertThat(pages).hasSize(5);
        assertThat(ids(pages)).containsExactlyElementsOf(newestFirst());
        for (Page page : pages) {
            assertThat(page.links().get("first")).isEqualTo(base() + "/feeds/v1/articles.atom?feed=" + FEED
                    + "&source=Tom%20%26%20Jerry%27s%20%28news%29&topic=labour&size=5&to=2026-10-02");
            assertThat(page.links().values()).allSatisfy(href -> assertThat(href).doesNotContain("api_key"));
            assertThat(page.feed().getUri()).as("the feed's id, the same on every page").isEqualTo(page.links().get("first"));
        }
        assertThat(pages.get(4).links()).doesNotContainKey("next");
    }

    @Test
    void aReaderGivingTheKeyAsParameterFollowsRssNextLinksThatCarryItWhileNewerArticlesArrive() throws Exception {
        String first = "/feeds/v1/articles.rss?topic=labour&feed=" + FEED + "&source=" + encode(SOURCE) + "&size=10&api_key="
                + TestKeys.READER;
        Page one = get(base() + first, false);
        assertThat(one.cacheControl()).contains("private").contains("no-store");
        assertThat(one.links().get("next")).contains("&api_key=" + TestKeys.READER).contains("cursor=");

        // Newer matching articles are indexed between the pages: they belong to the first page, not to the next ones.
        IndexedArticles.index(IntStream.range(50, 53).mapToObj(i -> article(i, SOURCE, "labour")).toList());
        List<Page> pages = new ArrayList<>(List.of(one));
        pages.addAll(follow(one.links().get("next"), false));

        assertThat(pages).hasSize(3);
        assertThat(ids(pages)).containsExactlyElementsOf(newestFirst());
        assertThat(pages).allSatisfy(page -> assertThat(page.feed().getFeedType()).isEqualTo("rss_2.0"));
        assertThat(pages.get(2).links()).containsOnlyKeys("self", "first");
        assertThat(get(pages.get(2).links().get("first"), false).feed().getEntries()).first()
                .satisfies(newest -> assertThat(newest.getUri()).isEqualTo("urn:newsradar:article:" + id(52)));
    }

    @Test
    void forwardedHeadersAreIgnoredUnlessTheServerIsToldToTrustThem() throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(base() + "/feeds/v1/articles.atom?feed=" + FEED
                        + "&size=2")).header("X-Api-Key", TestKeys.READER).header("X-Forwarded-Host", "attacker.example")
                .header("X-Forwarded-Proto", "https").header("Forwarded", "host=attacker.example;proto=https").build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(links(response.body()).values()).hasSize(3).allSatisfy(href -> assertThat(href).startsWith(base() + "/"));
    }

    @Test
    void aCursorOfAnotherQueryIsRefused() throws Exception {
        Page page = get(base() + "/feeds/v1/articles.atom?feed=" + FEED + "&size=3", true);
        String cursor = URLDecoder.decode(page.links().get("next").replaceAll(".*cursor=", ""), StandardCharsets.UTF_8);

        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(base() + "/feeds/v1/articles.atom?feed=" + FEED
                + "&topic=culture&size=3&cursor=" + cursor)).header("X-Api-Key", TestKeys.READER).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"parameter\":\"cursor\"").contains("another query");
    }

    /** One page as a reader sees it: the parsed feed, its paging links by rel, and its Cache-Control. */
    private record Page(SyndFeed feed, Map<String, String> links, String cacheControl) {
    }

    /** The pages from the one at {@code start} (absolute, or a path on this gateway) to the one without {@code next}. */
    private List<Page> follow(String start, boolean keyHeader) throws Exception {
        List<Page> pages = new ArrayList<>();
        String url = start.startsWith("/") ? base() + start : start;
        while (url != null) {
            Page page = get(url, keyHeader);
            pages.add(page);
            assertThat(page.links().get("self")).isEqualTo(url);
            url = page.links().get("next");
            assertThat(pages).as("pages followed").hasSizeLessThan(20);
        }
        return pages;
    }

    private Page get(String url, boolean keyHeader) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
        if (keyHeader) {
            request.header("X-Api-Key", TestKeys.READER);
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        SyndFeed feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(response.body())));
        return new Page(feed, links(response.body()), response.headers().firstValue("Cache-Control").orElse(""));
    }

    /** The {@code rel} and {@code href} of every Atom link but the alternate (in RSS, the channel's {@code atom:link}s). */
    private static Map<String, String> links(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        NodeList links = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getElementsByTagNameNS(ATOM, "link");
        Map<String, String> byRel = new LinkedHashMap<>();
        for (int i = 0; i < links.getLength(); i++) {
            Element link = (Element) links.item(i);
            if (!link.getAttribute("rel").equals("alternate")) {
                assertThat(byRel.put(link.getAttribute("rel"), link.getAttribute("href"))).as("one link per rel").isNull();
            }
        }
        return byRel;
    }

    private static List<String> ids(List<Page> pages) {
        return pages.stream().flatMap(p -> p.feed().getEntries().stream()).map(SyndEntry::getUri)
                .map(uri -> uri.substring("urn:newsradar:article:".length())).toList();
    }

    /** The 23 matching articles seeded first, newest first. */
    private static List<String> newestFirst() {
        return IntStream.range(0, MATCHING).map(i -> MATCHING - 1 - i).mapToObj(FeedPagingIT::id).toList();
    }

    private String base() {
        return GatewayClients.base(port);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String id(int i) {
        return ArticleId.ofUrl("https://example.org/" + FEED + "/" + i);
    }

    /** Article {@code i}, published {@code i} hours after the start (articles 50 and up are the newest). */
    private static ClassifiedArticle article(int i, String source, String topic) {
        Instant published = DAY.plus(Duration.ofHours(i < 100 ? i : i % 100)).plusSeconds(i < 100 ? 0 : i / 100);
        RawArticle raw = new RawArticle(1, id(i), "https://example.org/" + FEED + "/" + i, null, FEED, source, "en",
                "Report " + i + " on Vietnamese workers in Japan", "", "", List.of(), published, published.plusSeconds(60));
        return new ClassifiedArticle(1, raw, "test", published.plusSeconds(61), "en", PairTag.of("JP", "VN", 0.8),
                List.of(new CountryTag("VN", 0.8, List.of()), new CountryTag("JP", 0.7, List.of())), List.of(),
                List.of(new TopicTag(topic, 0.6, List.of())));
    }
}
