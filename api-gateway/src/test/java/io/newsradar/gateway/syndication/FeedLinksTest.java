package io.newsradar.gateway.syndication;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

class FeedLinksTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "http://127.0.0.1:8080/feeds/v1/articles.atom?lang=vi | http://127.0.0.1:8080/feeds/v1/articles.atom?lang=vi",
            "https://news.example.org:443/x                       | https://news.example.org/feeds/v1/articles.atom?lang=vi",
            "http://news.example.org:80/x                         | http://news.example.org/feeds/v1/articles.atom?lang=vi",
            "https://news.example.org:8443/x                      | https://news.example.org:8443/feeds/v1/articles.atom?lang=vi",
            "HTTPS://News.Example.org/x                           | https://News.Example.org/feeds/v1/articles.atom?lang=vi",
            "http://[::1]:8080/x                                  | http://[::1]:8080/feeds/v1/articles.atom?lang=vi",
    })
    void linksAreAbsoluteOnTheOriginTheServerSaw(String request, String first) {
        FeedLinks links = FeedLinks.of(URI.create(request), "/feeds/v1/articles.atom", parameters("lang", "vi"), null, null);

        assertThat(links.first()).isEqualTo(first);
        assertThat(links.self()).isEqualTo(first);
        assertThat(links.next()).isNull();
    }

    @Test
    void nextContinuesFromTheCursorWithEveryFilterAndTheSize() {
        MultiValueMap<String, String> parameters = parameters("pair", "JP-VN");
        parameters.add("topic", "labour");
        parameters.add("topic", "culture");
        parameters.add("size", "10");
        parameters.add("cursor", "old.sig");

        FeedLinks links = FeedLinks.of(URI.create("http://gw/"), "/feeds/v1/articles.rss", parameters, "new-_.sig", null);

        assertThat(links.self()).isEqualTo("http://gw/feeds/v1/articles.rss?pair=JP-VN&topic=labour&topic=culture&size=10&cursor=old.sig");
        assertThat(links.first()).isEqualTo("http://gw/feeds/v1/articles.rss?pair=JP-VN&topic=labour&topic=culture&size=10");
        assertThat(links.next()).isEqualTo("http://gw/feeds/v1/articles.rss?pair=JP-VN&topic=labour&topic=culture&size=10&cursor=new-_.sig");
        assertThat(links.id()).isEqualTo(links.first());
    }

    @Test
    void aKeyGivenAsParameterIsInEveryLinkButTheFeedsId() {
        FeedLinks links = FeedLinks.of(URI.create("http://gw/"), "/feeds/v1/articles.atom", parameters("lang", "vi"), "n.sig", "k&y=1");

        assertThat(links.self()).isEqualTo("http://gw/feeds/v1/articles.atom?lang=vi&api_key=k%26y%3D1");
        assertThat(links.first()).isEqualTo("http://gw/feeds/v1/articles.atom?lang=vi&api_key=k%26y%3D1");
        assertThat(links.next()).isEqualTo("http://gw/feeds/v1/articles.atom?lang=vi&cursor=n.sig&api_key=k%26y%3D1");
        assertThat(links.id()).isEqualTo("http://gw/feeds/v1/articles.atom?lang=vi");
    }

    @Test
    void aFeedWithoutParametersHasNoQuery() {
        FeedLinks links = FeedLinks.of(URI.create("http://gw/"), "/feeds/v1/articles.atom", new LinkedMultiValueMap<>(), "n.sig", null);

        assertThat(links.first()).isEqualTo("http://gw/feeds/v1/articles.atom");
        assertThat(links.next()).isEqualTo("http://gw/feeds/v1/articles.atom?cursor=n.sig");
    }

    @Test
    void encodesEverythingButUnreservedCharactersAsUtf8Bytes() {
        assertThat(FeedLinks.encode("aZ09-._~")).isEqualTo("aZ09-._~");
        assertThat(FeedLinks.encode("a b+c&d=e#f%g<h>\"'")).isEqualTo("a%20b%2Bc%26d%3De%23f%25g%3Ch%3E%22%27");
        assertThat(FeedLinks.encode("Bắc \u0001\uFFFD")).isEqualTo("B%E1%BA%AFc%20%01%EF%BF%BD");
    }

    private static MultiValueMap<String, String> parameters(String name, String value) {
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        parameters.add(name, value);
        return parameters;
    }
}
