package io.newsradar.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedirectsTest {

    @ParameterizedTest(name = "{0}: {2} from {1}")
    @CsvSource(delimiter = '|', textBlock = """
            relative path                 | http://news.example/a/b    | c                     | http://news.example/a/c
            relative to a bare host       | http://news.example        | feed.xml              | http://news.example/feed.xml
            parent path                   | http://news.example/a/b/c  | ../d                  | http://news.example/a/d
            absolute path                 | http://news.example/a/b    | /rss                  | http://news.example/rss
            network path                  | https://news.example/a     | //cdn.example/rss     | https://cdn.example/rss
            absolute URL                  | https://news.example/a     | http://other.example/ | http://other.example/
            query only                    | http://news.example/a?q=1  | ?q=2                  | http://news.example/a?q=2
            fragment dropped              | http://news.example/a      | /b#top                | http://news.example/b
            surrounding spaces trimmed    | http://news.example/a      | '  /b  '              | http://news.example/b
            """)
    void resolvesALocationAgainstTheUrlThatSentIt(String name, String current, String location, String expected) throws Exception {
        assertThat(Redirects.resolve(URI.create(current), location)).as(name).isEqualTo(URI.create(expected));
    }

    @Test
    void refusesALocationThatIsNoUrlAsPermanent() {
        Redirects redirects = new Redirects(URI.create("http://news.example/a"), 5);

        assertThatThrownBy(() -> redirects.follow(302, "/a b c"))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.PERMANENT))
                .hasMessage("http://news.example/a answered HTTP 302 with a Location that is not a URL: /a b c");
    }
}
