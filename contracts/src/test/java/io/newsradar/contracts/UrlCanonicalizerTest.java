package io.newsradar.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlCanonicalizerTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            lower-cases scheme and host        | HTTPS://News.Example.VN/Thoi-Su/a.html      | https://news.example.vn/Thoi-Su/a.html
            drops the default http port        | http://example.com:80/a                     | http://example.com/a
            drops the default https port       | https://example.com:443/a                   | https://example.com/a
            keeps another port                 | https://example.com:8443/a                  | https://example.com:8443/a
            drops the fragment                 | https://example.com/a#comments              | https://example.com/a
            drops utm parameters               | https://example.com/a?utm_source=rss&utm_MEDIUM=x | https://example.com/a
            drops click ids                    | https://example.com/a?fbclid=1&gclid=2&id=7 | https://example.com/a?id=7
            sorts the query parameters         | https://example.com/a?z=1&b=2&a=3           | https://example.com/a?a=3&b=2&z=1
            drops empty query parameters       | https://example.com/a?&&b=2&                | https://example.com/a?b=2
            gives an empty path a slash        | https://example.com                         | https://example.com/
            removes dot segments               | https://example.com/a/./b/../c              | https://example.com/a/c
            upper-cases percent escapes        | https://example.com/t%c3%b4i?q=%e1%ba%a1    | https://example.com/t%C3%B4i?q=%E1%BA%A1
            encodes unescaped non-ASCII        | https://example.com/tin-tức?q=Bắc Giang     | https://example.com/tin-t%E1%BB%A9c?q=B%E1%BA%AFc%20Giang
            drops a trailing dot on the host   | https://example.com./a                      | https://example.com/a
            keeps path case                    | https://example.com/News/A                  | https://example.com/News/A
            """)
    void canonicalizes(String behaviour, String url, String canonical) {
        assertThat(UrlCanonicalizer.canonicalize(url)).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/a", "urn:uuid:4c0d2a7e", "kt-123", " "})
    void givesNullForWhatIsNotAnHttpUrlWhenAskedLeniently(String text) {
        assertThat(UrlCanonicalizer.canonicalOrNull(text)).isNull();
        assertThat(UrlCanonicalizer.canonicalOrNull("HTTPS://Example.com/a#x")).isEqualTo("https://example.com/a");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/a", "mailto:editor@example.com", "/relative/path", "example.com/a", "https://"})
    void rejectsWhatIsNotAnAbsoluteHttpUrl(String url) {
        assertThatThrownBy(() -> UrlCanonicalizer.canonicalize(url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(url.isEmpty() ? "blank" : "");
    }
}
