package io.newsradar.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArticleIdTest {

    @Test
    void isTheBase64OfTheFirstSixteenBytesOfSha256OverTheCanonicalUrl() {
        // Computed independently: base64url(sha256("https://vnexpress.net/a/b?id=2&x=1")[:16]), unpadded.
        assertThat(ArticleId.ofUrl("https://vnexpress.net/a/b?id=2&x=1")).isEqualTo("3UIoRoGI7WgpQ9sdeG_8aw");
    }

    @Test
    void givesEverySpellingOfOneAddressOneId() {
        String id = ArticleId.ofUrl("https://vnexpress.net/a/b?id=2&x=1");

        assertThat(ArticleId.ofUrl("HTTPS://VnExpress.net:443/a/b?x=1&id=2&utm_source=rss#top")).isEqualTo(id);
        assertThat(ArticleId.ofItem("any-feed", "https://vnexpress.net/a/b?x=1&id=2&fbclid=abc", "guid-1")).isEqualTo(id);
    }

    @Test
    void fallsBackToAUrlShapedGuidWhenTheItemHasNoLink() {
        assertThat(ArticleId.ofItem("feed-1", null, "https://vnexpress.net/a/b?id=2&x=1"))
                .isEqualTo("3UIoRoGI7WgpQ9sdeG_8aw");
    }

    @Test
    void hashesAnOpaqueGuidWithinItsFeed() {
        // Computed independently: base64url(sha256("guid:feed-1:12345")[:16]), unpadded.
        assertThat(ArticleId.ofItem("feed-1", "  ", "12345")).isEqualTo("CWAxSzwqYXinKbaT1iZFAw");
        assertThat(ArticleId.ofItem("feed-2", null, "12345")).isNotEqualTo("CWAxSzwqYXinKbaT1iZFAw");
    }

    @Test
    void rejectsAnItemWithNeitherLinkNorGuid() {
        assertThatThrownBy(() -> ArticleId.ofItem("feed-1", null, " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("feed feed-1: item has neither a link nor a GUID");
    }

    @Test
    void recognisesTheShapeOfAnId() {
        assertThat(ArticleId.isValid(ArticleId.ofUrl("https://example.com/x"))).isTrue();
        assertThat(ArticleId.isValid("too-short")).isFalse();
        assertThat(ArticleId.isValid("3UIoRoGI7WgpQ9sdeG/8aw")).isFalse();
        assertThat(ArticleId.isValid(null)).isFalse();
    }
}
