package io.newsradar.ingest.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A page under {@code src/test/resources/pages/}: {@code NAME.html}, the extraction a careful reader would give in
 * {@code NAME.expected.txt} (headline, lead, then the body paragraphs separated by blank lines) and the phrases of page
 * furniture that must not come out in {@code NAME.boilerplate.txt}, one a line.
 */
record PageFixture(String name, URI url, byte[] html, String contentType, String headline, String lead, String body,
        List<String> boilerplate) {

    /** The article pages: four Vietnamese (one AMP), four English and three French site templates. */
    static final List<String> ARTICLES = List.of("vi-daily", "vi-province", "vi-legacy-1258", "en-wire", "en-jsonld",
            "en-blog", "en-newsroom", "vi-amp", "fr-daily", "fr-regional", "fr-figures");

    static PageFixture load(String name) {
        String[] expected = text(name + ".expected.txt").split("\n", 3);
        String body = Arrays.stream(expected.length > 2 ? expected[2].split("\n\\s*\n") : new String[0])
                .map(String::strip).filter(p -> !p.isEmpty()).collect(Collectors.joining("\n\n"));
        List<String> boilerplate = text(name + ".boilerplate.txt").lines().map(String::strip)
                .filter(l -> !l.isEmpty()).toList();
        // the legacy page says its charset only in a meta tag; the others are served as UTF-8
        String contentType = name.endsWith("1258") ? "text/html" : "text/html; charset=utf-8";
        return new PageFixture(name, URI.create("https://news.example/" + name), bytes(name + ".html"), contentType,
                expected[0].strip(), expected.length > 1 ? expected[1].strip() : "", body, boilerplate);
    }

    static byte[] bytes(String resource) {
        try (InputStream in = PageFixture.class.getResourceAsStream("/pages/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource /pages/" + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(String resource) {
        return new String(bytes(resource), StandardCharsets.UTF_8).replace("\r\n", "\n");
    }

    @Override
    public String toString() {
        return name;
    }
}
