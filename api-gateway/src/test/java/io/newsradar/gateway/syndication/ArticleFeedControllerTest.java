package io.newsradar.gateway.syndication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.newsradar.contracts.ArticleDocument;
import io.newsradar.contracts.ClassifiedArticle;
import io.newsradar.contracts.CountryTag;
import io.newsradar.contracts.PairTag;
import io.newsradar.contracts.RawArticle;
import io.newsradar.contracts.TopicTag;
import io.newsradar.gateway.search.ArticleView;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class ArticleFeedControllerTest {

    /** Every character XML 1.0 forbids, of each kind: C0 controls, the two non-characters, a lone surrogate. */
    private static final String FORBIDDEN = "\u0001\u0008\u000B\u001F\uFFFE\uFFFF\uD800";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"atom_1.0", "rss_2.0"})
    void writesAFeedReadersParseWhateverCharactersTheArticlesAndTheQueryHold(String type) throws Exception {
        ArticleView article = view("Tin" + FORBIDDEN + " Nhật Bản", "Lead " + FORBIDDEN, "Báo" + FORBIDDEN);
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        parameters.add("q", "tin" + FORBIDDEN);

        FeedLinks links = FeedLinks.of(URI.create("http://127.0.0.1/feeds/v1/articles.atom?q=%01"), "/feeds/v1/articles.atom",
                parameters, null, null);
        String xml = ArticleFeedController.write(List.of(article), links, parameters, type);

        SyndFeed feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
        assertThat(feed.getTitle()).isEqualTo("newsradar: q=tin" + "\uFFFD".repeat(7));
        assertThat(feed.getEntries()).singleElement().satisfies(entry -> {
            assertThat(entry.getTitle()).isEqualTo("Tin" + "\uFFFD".repeat(7) + " Nhật Bản");
            assertThat(entry.getDescription().getValue()).isEqualTo("Lead " + "\uFFFD".repeat(7));
        });
    }

    /**
     * Parameter values an attacker might choose, each as the gateway would have decoded it from a request: markup, a CDATA
     * end, entity references, a second query smuggled after {@code &}, a fragment, an encoded escape, and characters XML
     * forbids.
     */
    static Stream<Arguments> hostileValues() {
        return Stream.of(
                Arguments.of(Named.of("markup and quotes", "q"), "\"'><script>alert(1)</script>"),
                Arguments.of(Named.of("a CDATA end and a comment", "q"), "]]><!-- x -->"),
                Arguments.of(Named.of("entity references", "q"), "&amp; &lt; &#x3c; &nbsp;"),
                Arguments.of(Named.of("a smuggled cursor and key", "q"), "a&cursor=forged.sig&api_key=stolen&size=100"),
                Arguments.of(Named.of("a fragment and a query", "q"), "x#top?y=1"),
                Arguments.of(Named.of("an escape to decode twice", "q"), "%41%2526"),
                Arguments.of(Named.of("plus, space and percent", "q"), "1 + 1 = 100%"),
                Arguments.of(Named.of("characters XML forbids", "q"), "tin" + FORBIDDEN.substring(0, 6)),
                Arguments.of(Named.of("an ampersand and apostrophe in a source", "source"), "Tom & Jerry's (news)"),
                Arguments.of(Named.of("letters outside ASCII", "source"), "Báo Bắc Giang 日本"));
    }

    @ParameterizedTest(name = "{0} in {2}")
    @MethodSource("hostileParameters")
    void pagingLinksCarryAnyParameterValueBackUnchanged(String name, String value, String type) throws Exception {
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        parameters.add("topic", "labour");
        parameters.add(name, value);
        parameters.add("size", "2");
        parameters.add("cursor", "c1.sig");
        FeedLinks links = FeedLinks.of(URI.create("https://news.example.org/feeds/v1/articles.rss"), "/feeds/v1/articles.rss",
                parameters, "c2.sig", null);

        String xml = ArticleFeedController.write(List.of(view("Tin", "Lead", "Báo")), links, parameters, type);

        Map<String, String> hrefs = pagingLinks(xml, type);
        assertThat(hrefs).containsOnlyKeys("self", "first", "next");
        assertThat(query(hrefs.get("self"))).containsExactly(entry("topic", "labour"), entry(name, value), entry("size", "2"),
                entry("cursor", "c1.sig"));
        assertThat(query(hrefs.get("first"))).containsExactly(entry("topic", "labour"), entry(name, value), entry("size", "2"));
        assertThat(query(hrefs.get("next"))).containsExactly(entry("topic", "labour"), entry(name, value), entry("size", "2"),
                entry("cursor", "c2.sig"));
        assertThat(xml).doesNotContain("<script").doesNotContain("<!--");
    }

    static Stream<Arguments> hostileParameters() {
        return hostileValues().flatMap(a -> Stream.of("atom_1.0", "rss_2.0").map(type -> Arguments.of(a.get()[0], a.get()[1], type)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"atom_1.0", "rss_2.0"})
    void theLastPageHasNoNextLink(String type) throws Exception {
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        parameters.add("cursor", "c1.sig");
        FeedLinks links = FeedLinks.of(URI.create("http://127.0.0.1:8080/feeds/v1/articles.atom"), "/feeds/v1/articles.atom",
                parameters, null, null);

        Map<String, String> hrefs = pagingLinks(ArticleFeedController.write(List.of(), links, parameters, type), type);

        assertThat(hrefs).containsOnlyKeys("self", "first");
        assertThat(hrefs.get("first")).isEqualTo("http://127.0.0.1:8080/feeds/v1/articles.atom");
    }

    /** The {@code rel} and {@code href} of each Atom link of the feed (in RSS, of each {@code atom:link} in the channel). */
    static Map<String, String> pagingLinks(String xml, String type) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        NodeList links = document.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "link");
        Map<String, String> hrefs = new LinkedHashMap<>();
        for (int i = 0; i < links.getLength(); i++) {
            Element link = (Element) links.item(i);
            if (!link.getAttribute("rel").equals("alternate")) {
                assertThat(link.getAttribute("type")).isEqualTo(type.startsWith("atom") ? "application/atom+xml" : "application/rss+xml");
                assertThat(hrefs.put(link.getAttribute("rel"), link.getAttribute("href"))).as("one link per rel").isNull();
            }
        }
        return hrefs;
    }

    /** The query of an absolute URL, each name and value decoded once, in order. */
    static List<Map.Entry<String, String>> query(String url) {
        URI uri = URI.create(url);
        assertThat(uri.isAbsolute()).as(url).isTrue();
        assertThat(uri.getRawFragment()).as(url).isNull();
        List<Map.Entry<String, String>> query = new ArrayList<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            query.add(entry(URLDecoder.decode(parts[0], StandardCharsets.UTF_8), URLDecoder.decode(parts[1], StandardCharsets.UTF_8)));
        }
        return query;
    }

    private static ArticleView view(String title, String lead, String source) {
        Instant published = Instant.parse("2026-11-20T09:00:00Z");
        RawArticle raw = new RawArticle(1, "AAAAAAAAAAAAAAAAAAAAAA", "https://example.org/a", null, "f", source, "vi",
                title, lead, "", List.of(), published, published);
        ClassifiedArticle classified = new ClassifiedArticle(1, raw, "test", published, "vi", PairTag.of("JP", "VN", 0.8),
                List.of(new CountryTag("VN", 0.8, List.of())), List.of(), List.of(new TopicTag("labour", 0.6, List.of())));
        return ArticleView.of(ArticleDocument.of(classified));
    }
}
