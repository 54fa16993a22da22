package io.newsradar.gateway.search;

import io.newsradar.contracts.ArticleId;
import io.newsradar.contracts.ClassifiedArticle;
import io.newsradar.contracts.CountryTag;
import io.newsradar.contracts.PairTag;
import io.newsradar.contracts.RawArticle;
import io.newsradar.contracts.RegionTag;
import io.newsradar.contracts.TopicTag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The table of {@code minConfidence} cases ({@code min-confidence/cases.tsv}) and its two articles, for both the index
 * (an IT against Elasticsearch) and the live stream's filter (a unit test): the two cannot drift apart unnoticed.
 */
public final class MinConfidenceCases {

    /** One row: the case's name, its query string, and the names of the articles it matches. */
    public record Case(String name, String query, Set<String> matches) {

        @Override
        public String toString() {
            return name;
        }
    }

    private static final Instant PUBLISHED = Instant.parse("2026-11-20T09:00:00Z");

    /** The two articles by name, published by the feed {@code feed}. */
    public static Map<String, ClassifiedArticle> articles(String feed) {
        return Map.of(
            "hanoi-interns", article(feed, "hanoi-interns", "Interns from Bac Giang leave for Japan",
                    PairTag.of("JP", "VN", 0.9),
                    List.of(new CountryTag("JP", 0.9, List.of()), new CountryTag("VN", 0.4, List.of())),
                    List.of(new RegionTag("VN-54", "VN", "Bắc Giang", "VN-56", 0.3, List.of())),
                    List.of(new TopicTag("labour", 0.8, List.of()), new TopicTag("aid", 0.2, List.of()))),
            "mekong-dam", article(feed, "mekong-dam", "Laos and Vietnam weigh a new dam on the Mekong",
                    PairTag.of("LA", "VN", 0.3),
                    List.of(new CountryTag("LA", 0.6, List.of()), new CountryTag("VN", 0.95, List.of())),
                    List.of(),
                    List.of(new TopicTag("investment", 0.5, List.of()))));
    }

    private MinConfidenceCases() {
    }

    /** The rows of the table, comments left out. */
    public static List<Case> cases() {
        try (InputStream in = MinConfidenceCases.class.getResourceAsStream("/min-confidence/cases.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\t"))
                    .map(cols -> new Case(cols[0], cols[1],
                            cols[2].equals("-") ? Set.of() : Set.copyOf(Arrays.asList(cols[2].split(",")))))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ClassifiedArticle article(String feed, String name, String title, PairTag pair, List<CountryTag> countries,
            List<RegionTag> regions, List<TopicTag> topics) {
        String url = "https://example.org/" + feed + "/" + name;
        RawArticle raw = new RawArticle(1, ArticleId.ofUrl(url), url, null, feed, "Example News", "en",
                title, "", "", List.of(), PUBLISHED, PUBLISHED.plusSeconds(30));
        return new ClassifiedArticle(1, raw, "test", PUBLISHED.plusSeconds(40), "en", pair, countries, regions, topics);
    }
}
