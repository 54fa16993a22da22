package io.newsradar.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.contracts.ArticleDocument;
import io.newsradar.contracts.ClassifiedArticle;
import io.newsradar.contracts.CountryTag;
import io.newsradar.contracts.PairTag;
import io.newsradar.contracts.RawArticle;
import io.newsradar.contracts.RegionTag;
import io.newsradar.contracts.TopicTag;
import io.newsradar.gateway.search.ArticleQuery;
import io.newsradar.gateway.search.KnownCodes;
import io.newsradar.gateway.search.MinConfidenceCases;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/** The article filters applied in memory agree with what the index answers for them. */
class LiveFilterTest {

    private static final KnownCodes CODES = KnownCodes.load(null);
    private static final Instant PUBLISHED = Instant.parse("2026-11-20T09:00:00Z");

    /**
     * A labour story in Vietnamese between Japan and Vietnam, tagged Bắc Giang (VN-54, now part of Bắc Ninh, VN-56),
     * from NHK World's feed {@code nhk-vi}.
     */
    private static final LiveArticle ARTICLE = LiveArticle.of(ArticleDocument.of(new ClassifiedArticle(1,
            new RawArticle(1, "q3B8o5y0dq2yqD7kYF8bUw", "https://example.org/a", null, "nhk-vi", "NHK World", "vi",
                    "Thực tập sinh Bắc Giang sang Nhật Bản làm việc", "", "", List.of(), PUBLISHED, PUBLISHED.plusSeconds(30)),
            "test", PUBLISHED.plusSeconds(40), "vi", PairTag.of("JP", "VN", 0.8),
            List.of(new CountryTag("VN", 0.9, List.of()), new CountryTag("JP", 0.8, List.of())),
            List.of(new RegionTag("VN-54", "VN", "Bắc Giang", "VN-56", 0.7, List.of())),
            List.of(new TopicTag("labour", 0.7, List.of())))), JsonMapper.builder().build(), 1);

    static Stream<Arguments> filters() {
        return Stream.of(
                match("no filter at all", "", true),
                match("the pair in canonical order", "pair=JP-VN", true),
                match("the pair in the other order", "pair=vn-jp", true),
                match("another pair", "pair=FR-VN", false),
                match("one of several pairs", "pair=FR-VN,JP-VN", true),
                match("a country acting in it", "country=jp", true),
                match("a country not in it", "country=LA", false),
                match("its region", "region=VN-54", true),
                match("the province it is part of today", "region=VN-56", true),
                match("another province", "region=VN-01", false),
                match("its topic among others", "topic=aid&topic=labour", true),
                match("another topic", "topic=culture", false),
                match("its language", "lang=vi", true),
                match("another language", "lang=en", false),
                match("its source", "source=NHK World", true),
                match("another source", "source=VnExpress", false),
                match("its feed", "feed=nhk-vi", true),
                match("published after from", "from=2026-11-20", true),
                match("published before from", "from=2026-11-21", false),
                match("published at to, which is exclusive", "to=2026-11-20T09:00:00Z", false),
                match("words of the title without diacritics", "q=bac giang", true),
                match("words of the title with diacritics, any case", "q=THỰC TẬP SINH", true),
                match("a word the title does not hold", "q=bac giang investment", false),
                match("part of a word only", "q=bac gian", false),
                match("every filter holding", "pair=VN-JP&region=VN-56&topic=labour&lang=vi&q=nhat ban", true),
                match("all but one filter holding", "pair=VN-JP&region=VN-56&topic=labour&lang=en", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filters")
    void appliesTheArticleFilters(String query, boolean matches) {
        // Given the filters as /api/v1/stream parses them
        var parameters = UriComponentsBuilder.fromUriString("/?" + query).build().getQueryParams();
        LiveFilter filter = new LiveFilter(ArticleQuery.filters(parameters, CODES, Set.of()), CODES);

        // When the article is matched, then it is as the index would answer
        assertThat(filter.matches(ARTICLE)).isEqualTo(matches);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.newsradar.gateway.search.MinConfidenceCases#cases")
    void keepsOnlyTagsAtOrAboveMinConfidenceAsTheIndexDoes(MinConfidenceCases.Case given) {
        var parameters = UriComponentsBuilder.fromUriString("/?" + given.query()).build().getQueryParams();
        LiveFilter filter = new LiveFilter(ArticleQuery.filters(parameters, CODES, Set.of()), CODES);
        JsonMapper json = JsonMapper.builder().build();

        Set<String> matched = MinConfidenceCases.articles("demo-en").entrySet().stream()
                .filter(e -> filter.matches(LiveArticle.of(ArticleDocument.of(e.getValue()), json, 1)))
                .map(java.util.Map.Entry::getKey)
                .collect(java.util.stream.Collectors.toSet());

        assertThat(matched).isEqualTo(given.matches());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unspacedTitles")
    void findsWordsOfScriptsWrittenWithoutSpacesInsideTheTitle(String title, String q, boolean matches) {
        LiveArticle article = new LiveArticle(ARTICLE.position(), ARTICLE.view(), LiveArticle.words(title), "{}", 1, 1);
        var parameters = UriComponentsBuilder.fromUriString("/?q=" + q).build().getQueryParams();

        assertThat(new LiveFilter(ArticleQuery.filters(parameters, CODES, Set.of()), CODES).matches(article)).isEqualTo(matches);
    }

    static Stream<Arguments> unspacedTitles() {
        return Stream.of(
                Arguments.of(Named.of("a Japanese word inside a sentence", "ベトナム人技能実習生が群馬県で働く"), "群馬", true),
                Arguments.of(Named.of("a Japanese word not in it", "ベトナム人技能実習生が群馬県で働く"), "東京", false));
    }

    private static Arguments match(String name, String query, boolean matches) {
        return Arguments.of(Named.of(name + " (" + query + ")", query), matches);
    }
}
