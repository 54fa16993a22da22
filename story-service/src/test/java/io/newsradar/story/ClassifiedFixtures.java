package io.newsradar.story;

import io.newsradar.contracts.ClassifiedArticle;
import io.newsradar.contracts.PairTag;
import io.newsradar.contracts.RawArticle;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Classified articles from a fixture of {@code src/test/resources/stage/}: one JSON line per article with its id,
 * feed, language, published time, pair, title and body.
 */
public final class ClassifiedFixtures {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ClassifiedFixtures() {
    }

    public static List<ClassifiedArticle> read(String name) {
        List<ClassifiedArticle> out = new ArrayList<>();
        try (InputStream in = ClassifiedFixtures.class.getResourceAsStream("/stage/" + name)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    out.add(article(JSON.readTree(line)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static ClassifiedArticle article(JsonNode n) {
        Instant published = Instant.parse(n.get("published").asString());
        String id = n.get("id").asString();
        RawArticle raw = new RawArticle(1, id, "https://" + n.get("feed").asString() + ".example/" + id, null,
                n.get("feed").asString(), n.get("feed").asString(), n.get("lang").asString(), n.get("title").asString(),
                "", n.get("body").asString(), List.of(), published, published.plusSeconds(60));
        String[] pair = n.get("pair").asString().split("-");
        return new ClassifiedArticle(1, raw, "test-1", published.plusSeconds(90), n.get("lang").asString(),
                PairTag.of(pair[0], pair[1], 0.9), List.of(), List.of(), List.of());
    }
}
