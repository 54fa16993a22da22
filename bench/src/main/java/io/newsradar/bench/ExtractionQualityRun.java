package io.newsradar.bench;

import io.newsradar.contracts.TextFolding;
import io.newsradar.ingest.extract.ArticleExtractor;
import io.newsradar.ingest.extract.ExtractionException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Body precision, recall and F1 of {@code ArticleExtractor} over a folder of pages, and pages per second. Each
 * {@code NAME.html} is scored against {@code NAME.txt} (the body a careful reader keeps) or, for ingest's fixture pages,
 * {@code NAME.expected.txt} (headline, lead, then the body); tokens are folded words, counted with repeats, as
 * trafilatura's benchmark counts them. A page the extractor refuses scores 0. Pages/s is timed after every page was
 * extracted 30 times.
 *
 * <pre>java -cp bench/target/classes:$(cat bench/target/classpath.txt) io.newsradar.bench.ExtractionQualityRun [folder]</pre>
 */
public final class ExtractionQualityRun {

    private static final int WARM_UP_ROUNDS = 30;

    private ExtractionQualityRun() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "ingest-service/src/test/resources/pages");
        List<Path> pages;
        try (Stream<Path> files = Files.list(folder)) {
            pages = files.filter(p -> p.toString().endsWith(".html")).filter(p -> expected(p) != null).sorted().toList();
        }
        ArticleExtractor extractor = new ArticleExtractor();
        warmUp(extractor, pages);
        double precision = 0;
        double recall = 0;
        double f1 = 0;
        int refused = 0;
        long nanos = 0;
        for (Path page : pages) {
            byte[] html = Files.readAllBytes(page);
            String want = expected(page);
            long start = System.nanoTime();
            String got;
            try {
                got = extractor.extract(URI.create("https://bench.example/" + page.getFileName()), html, null).body();
            } catch (ExtractionException e) {
                got = "";
                refused++;
            }
            nanos += System.nanoTime() - start;
            double[] prf = overlap(got, want);
            precision += prf[0];
            recall += prf[1];
            f1 += prf[2];
            System.out.printf("%-40s P %.3f  R %.3f  F1 %.3f%n", page.getFileName(), prf[0], prf[1], prf[2]);
        }
        int n = Math.max(1, pages.size());
        System.out.printf("%d pages (%d refused): precision %.3f, recall %.3f, F1 %.3f; %.1f pages/s%n", pages.size(),
                refused, precision / n, recall / n, f1 / n, pages.size() / (nanos / 1e9));
    }

    /** Every page extracted a few times first, so that pages/s is the JIT-compiled extractor's. */
    private static void warmUp(ArticleExtractor extractor, List<Path> pages) throws IOException {
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            for (Path page : pages) {
                try {
                    extractor.extract(URI.create("https://bench.example/warm-up"), Files.readAllBytes(page), null);
                } catch (ExtractionException e) {
                    // refused pages are counted in the measured pass
                }
            }
        }
    }

    /** The expected body beside the page, or {@code null}. */
    private static String expected(Path page) {
        String name = page.getFileName().toString().replaceFirst("\\.html$", "");
        try {
            Path plain = page.resolveSibling(name + ".txt");
            if (Files.exists(plain)) {
                return Files.readString(plain, StandardCharsets.UTF_8);
            }
            Path fixture = page.resolveSibling(name + ".expected.txt");
            if (Files.exists(fixture)) {
                String[] parts = Files.readString(fixture, StandardCharsets.UTF_8).split("\n", 3);
                return parts.length > 2 ? parts[2] : "";
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    private static double[] overlap(String got, String want) {
        List<String> gotTokens = tokens(got);
        List<String> wantTokens = tokens(want);
        Map<String, Integer> remaining = new HashMap<>();
        wantTokens.forEach(t -> remaining.merge(t, 1, Integer::sum));
        int common = 0;
        for (String t : gotTokens) {
            if (remaining.getOrDefault(t, 0) > 0) {
                remaining.merge(t, -1, Integer::sum);
                common++;
            }
        }
        double p = gotTokens.isEmpty() ? 0 : (double) common / gotTokens.size();
        double r = wantTokens.isEmpty() ? 1 : (double) common / wantTokens.size();
        return new double[] {p, r, p + r == 0 ? 0 : 2 * p * r / (p + r)};
    }

    private static List<String> tokens(String text) {
        return new ArrayList<>(Arrays.stream(TextFolding.fold(text).split("[^\\p{L}\\p{N}]+")).filter(t -> !t.isEmpty()).toList());
    }
}
