package io.newsradar.classify;

import io.newsradar.contracts.ClassifiedArticle;
import io.newsradar.contracts.RawArticle;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Short stories the taggers' tests classify, read from {@code src/test/resources/stories/}. A story file has a
 * header of {@code language:}, {@code title:} and {@code lead:} lines, a blank line, then the body; lines starting
 * with {@code #} are notes for the reader. Each story goes through {@link Classifier#classify(RawArticle)}, as a
 * record of {@code news.articles.raw} would.
 */
public final class Stories {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T09:32:00Z"), ZoneOffset.UTC);
    private static final Classifier DEFAULTS = Classifier.load(null, CLOCK);

    private Stories() {
    }

    /** The story {@code stories/<name>.txt}, classified with the bundled data. */
    public static ClassifiedArticle classify(String name) {
        return DEFAULTS.classify(read(name));
    }

    /** A classifier reading the data of {@code src/test/resources/<directory>} first, then the bundled data. */
    public static Classifier withData(String directory) {
        URL url = Stories.class.getResource("/" + directory);
        if (url == null) {
            throw new IllegalArgumentException("no test data directory " + directory);
        }
        try {
            return Classifier.load(Path.of(url.toURI()), CLOCK);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(directory, e);
        }
    }

    /** The story {@code stories/<name>.txt} as the raw article ingest would publish. */
    public static RawArticle read(String name) {
        String text;
        try (InputStream in = Stories.class.getResourceAsStream("/stories/" + name + ".txt")) {
            if (in == null) {
                throw new IllegalArgumentException("no story stories/" + name + ".txt");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        String id = name.replace('/', '-');
        fields.put("articleId", id);
        fields.put("url", "https://stories.example/" + id);
        fields.put("feedId", "stories");
        fields.put("source", "Stories");
        fields.put("ingestedAt", "2026-11-20T09:31:00Z");
        StringBuilder body = new StringBuilder();
        boolean inBody = false;
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("#")) {
                continue;
            }
            if (inBody) {
                body.append(line).append('\n');
            } else if (line.isBlank()) {
                inBody = true;
            } else {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    throw new IllegalArgumentException("stories/" + name + ".txt: a header line is 'key: value', was '" + line + "'");
                }
                fields.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        fields.put("body", body.toString().strip());
        return JSON.convertValue(fields, RawArticle.class);
    }
}
