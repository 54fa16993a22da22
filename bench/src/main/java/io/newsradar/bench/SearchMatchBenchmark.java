package io.newsradar.bench;

import io.newsradar.alert.match.SearchIndex;
import io.newsradar.contracts.ArticleId;
import io.newsradar.contracts.ClassifiedArticle;
import io.newsradar.contracts.CountryTag;
import io.newsradar.contracts.PairTag;
import io.newsradar.contracts.RawArticle;
import io.newsradar.contracts.RegionTag;
import io.newsradar.contracts.SavedSearch;
import io.newsradar.contracts.TopicTag;
import io.newsradar.reference.ReferenceData;
import io.newsradar.reference.Region;
import io.newsradar.reference.filter.FilteredArticle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Articles matched per second on one thread against {@code searches} saved searches (alert-service's
 * {@code SearchIndex}): a mix of searches by pair (40 %), region (20 %), title words (15 %), country and topic (10 %),
 * feed (10 %) and dates only (the scan list, {@code scanShare} of them), over 30 countries, every region of the
 * reference data and a vocabulary of 2,000 words; 500 articles of random pairs, regions, topics and titles.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Threads(1)
public class SearchMatchBenchmark {

    private static final List<String> COUNTRIES = List.of("VN", "JP", "KR", "LA", "KH", "TH", "CN", "US", "FR", "DE", "GB",
            "IN", "ID", "MY", "PH", "SG", "AU", "CA", "BR", "MX", "RU", "IT", "ES", "NL", "SE", "PL", "TR", "EG", "NG", "ZA");
    private static final List<String> TOPICS = List.of("investment", "aid", "culture", "labour");

    @Param({"100000"})
    int searches;

    /** The share of searches with no term to be filed under, in thousandths. */
    @Param({"5"})
    int scanShare;

    private SearchIndex index;
    private List<FilteredArticle> articles;
    private int next;

    @Setup(Level.Trial)
    public void build() {
        ReferenceData data = ReferenceData.load(null);
        List<Region> regions = data.regions().all().values().stream().filter(r -> COUNTRIES.contains(r.country())).toList();
        Random random = new Random(31);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            words.add("w" + Integer.toString(i * 7919 % 100_000, 36));
        }
        index = new SearchIndex(data);
        Instant saved = Instant.parse("2026-11-01T00:00:00Z");
        for (int i = 0; i < searches; i++) {
            int kind = random.nextInt(1000);
            Map<String, List<String>> query;
            if (kind < scanShare) {
                query = Map.of("from", List.of("2026-11-01"), "minConfidence", List.of("0.9"));
            } else if (kind < 400) {
                query = Map.of("pair", List.of(pair(random)), "topic", List.of(pick(TOPICS, random)));
            } else if (kind < 600) {
                query = Map.of("region", List.of(pick(regions, random).code()));
            } else if (kind < 750) {
                query = Map.of("q", List.of(pick(words, random) + " " + pick(words, random)));
            } else if (kind < 850) {
                query = Map.of("country", List.of(pick(COUNTRIES, random)), "topic", List.of(pick(TOPICS, random)));
            } else {
                query = Map.of("feed", List.of("feed-" + random.nextInt(2_000)));
            }
            index.put(new SavedSearch(1, "s" + i, "search " + i, "bench", query, null, true, saved, saved));
        }
        articles = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            String[] pair = pair(random).split("-");
            Region region = pick(regions, random);
            StringBuilder title = new StringBuilder();
            for (int w = 0; w < 10; w++) {
                title.append(pick(words, random)).append(' ');
            }
            String url = "https://bench.example.org/" + i;
            Instant at = Instant.parse("2026-11-20T09:00:00Z").plusSeconds(i);
            RawArticle raw = new RawArticle(1, ArticleId.ofUrl(url), url, null, "feed-" + random.nextInt(2_000), "Bench",
                    "en", title.toString().strip(), "", "", List.of(), at, at);
            articles.add(FilteredArticle.of(new ClassifiedArticle(1, raw, "bench", at, "en", PairTag.of(pair[0], pair[1], 0.8),
                    List.of(new CountryTag(pair[0], 0.8, List.of()), new CountryTag(pair[1], 0.7, List.of())),
                    List.of(new RegionTag(region.code(), region.country(), region.name(), region.current() != null ? region.current() : region.code(), 0.6, List.of())),
                    List.of(new TopicTag(pick(TOPICS, random), 0.7, List.of())))));
        }
    }

    @Benchmark
    public int matchOneArticle() {
        FilteredArticle article = articles.get(next);
        next = (next + 1) % articles.size();
        return index.matches(article).size();
    }

    private static String pair(Random random) {
        String a = pick(COUNTRIES, random);
        String b;
        do {
            b = pick(COUNTRIES, random);
        } while (b.equals(a));
        return a.compareTo(b) < 0 ? a + "-" + b : b + "-" + a;
    }

    private static <T> T pick(List<T> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }
}
