package io.newsradar.gateway.feed;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

class ArticleFeedControllerTest {

    /** Every character XML 1.0 forbids, of each kind: C0 controls, the two non-characters, a lone surrogate. */
    private static final String FORBIDDEN = "\u0001\u0008\u000B\u001F\uFFFE\uFFFF\uD800";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"atom_1.0", "rss_2.0"})
    void writesAFeedReadersParseWhateverCharactersTheArticlesAndTheQueryHold(String type) throws Exception {
        ArticleView article = view("Tin" + FORBIDDEN + " Nhật Bản", "Lead " + FORBIDDEN, "Báo" + FORBIDDEN);
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        parameters.add("q", "tin" + FORBIDDEN);

        String xml = ArticleFeedController.write(List.of(article), URI.create("http://127.0.0.1/feeds/v1/articles.atom?q=%01"),
                parameters, type);

        SyndFeed feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
        assertThat(feed.getTitle()).isEqualTo("newsradar: q=tin" + "\uFFFD".repeat(7));
        assertThat(feed.getEntries()).singleElement().satisfies(entry -> {
            assertThat(entry.getTitle()).isEqualTo("Tin" + "\uFFFD".repeat(7) + " Nhật Bản");
            assertThat(entry.getDescription().getValue()).isEqualTo("Lead " + "\uFFFD".repeat(7));
        });
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
