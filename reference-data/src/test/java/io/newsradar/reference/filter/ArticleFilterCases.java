package io.newsradar.reference.filter;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The article filters' case table ({@code article-filter/cases.tsv}) and its four articles, for every module that
 * matches articles in memory: the filter itself here, the saved-search index in alert-service.
 */
public final class ArticleFilterCases {

    /** One row: its name, the filters as parameter → values, the article's name, and whether it matches. */
    public record Case(String name, Map<String, List<String>> query, String article, boolean matches) {

        @Override
        public String toString() {
            return name + " (" + article + ")";
        }
    }

    private ArticleFilterCases() {
    }

    /** The rows of the table, comments left out. */
    public static List<Case> cases() {
        try (InputStream in = ArticleFilterCases.class.getResourceAsStream("/article-filter/cases.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\t"))
                    .map(cols -> new Case(cols[0], query(cols[1]), cols[2], switch (cols[3]) {
                        case "yes" -> true;
                        case "no" -> false;
                        default -> throw new IllegalStateException("case '" + cols[0] + "': match must be yes or no, was " + cols[3]);
                    }))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code a=1&b=2&a=3} → a: [1, 3], b: [2]; {@code -} for no filter. */
    public static Map<String, List<String>> query(String written) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (written.equals("-")) {
            return query;
        }
        for (String parameter : written.split("&")) {
            int eq = parameter.indexOf('=');
            query.computeIfAbsent(parameter.substring(0, eq), k -> new ArrayList<>()).add(parameter.substring(eq + 1));
        }
        return query;
    }

    /** The four articles by name. */
    public static Map<String, ClassifiedArticle> articles() {
        return Map.of(
                "interns", article("nhk-vi", "NHK World", "vi", "interns", "Thực tập sinh Bắc Giang sang Nhật Bản làm việc",
                        "2026-11-20T09:00:00Z", PairTag.of("JP", "VN", 0.8),
                        List.of(new CountryTag("VN", 0.9, List.of()), new CountryTag("JP", 0.8, List.of())),
                        List.of(new RegionTag("VN-54", "VN", "Bắc Giang", "VN-56", 0.7, List.of())),
                        List.of(new TopicTag("labour", 0.7, List.of()))),
                "dam", article("vnexpress-en", "VnExpress International", "en", "dam",
                        "Laos and Vietnam weigh a new dam on the Mekong", "2026-11-21T06:30:00Z", PairTag.of("LA", "VN", 0.3),
                        List.of(new CountryTag("LA", 0.6, List.of()), new CountryTag("VN", 0.95, List.of())),
                        List.of(), List.of(new TopicTag("investment", 0.5, List.of()))),
                "gunma", article("nhk-ja", "NHK", "ja", "gunma", "ベトナム人技能実習生が群馬県で働く", "2026-11-19T23:00:00Z",
                        PairTag.of("JP", "VN", 0.9),
                        List.of(new CountryTag("JP", 0.9, List.of()), new CountryTag("VN", 0.5, List.of())),
                        List.of(new RegionTag("JP-10", "JP", "Gunma", "JP-10", 0.8, List.of())),
                        List.of(new TopicTag("labour", 0.6, List.of()))),
                "festival", article("lemonde", "Le Monde", "fr", "festival", "Un festival de cinéma à Lyon",
                        "2026-11-20T12:00:00Z", null, List.of(new CountryTag("FR", 0.9, List.of())), List.of(),
                        List.of(new TopicTag("culture", 0.9, List.of()))));
    }

    private static ClassifiedArticle article(String feed, String source, String language, String name, String title,
            String published, PairTag pair, List<CountryTag> countries, List<RegionTag> regions, List<TopicTag> topics) {
        String url = "https://example.org/" + feed + "/" + name;
        Instant at = Instant.parse(published);
        RawArticle raw = new RawArticle(1, ArticleId.ofUrl(url), url, null, feed, source, language, title, "", "",
                List.of(), at, at.plusSeconds(30));
        return new ClassifiedArticle(1, raw, "test", at.plusSeconds(40), language, pair, countries, regions, topics);
    }
}
