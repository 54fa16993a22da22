package io.newsradar.bench;

import io.newsradar.ingest.extract.ArticleExtractor;
import io.newsradar.ingest.extract.ExtractionException;
import io.newsradar.ingest.extract.ExtractionSettings;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What extraction costs on pages built to be slow, per kilobyte, as a ratio to a normal page: linear extraction keeps
 * the ratios near 1 however large the page. The deadline is lifted to a minute so that the whole cost is measured.
 *
 * <pre>java -cp bench/target/classes:$(cat bench/target/classpath.txt) io.newsradar.bench.ExtractionCostRun</pre>
 */
public final class ExtractionCostRun {

    private static final String HEAD = "<!doctype html><html><head><title>A page built to be slow</title></head><body>";
    private static final String STORY = "<p>The harbour authority opened the new ferry terminal on Monday, after four "
            + "years of work.</p><p>Officials said it would carry twelve thousand passengers a day from next spring, "
            + "nearly twice as many as the old pier.</p>";

    private ExtractionCostRun() {
    }

    public static void main(String[] args) throws Exception {
        ArticleExtractor extractor = new ArticleExtractor(new ExtractionSettings(2 * 1024 * 1024, 64,
                Duration.ofMinutes(1), 1, 0));
        byte[] normal = Files.readAllBytes(Path.of("ingest-service/src/test/resources/pages/vi-daily.html"));
        for (int i = 0; i < 200; i++) {
            run(extractor, normal);
        }
        double normalPerKb = 0;
        for (int i = 0; i < 50; i++) {
            normalPerKb += run(extractor, normal) / (normal.length / 1024.0) / 50;
        }
        System.out.printf("%-28s %9s %10s %10s %8s%n", "page", "KB", "ms", "ms/KB", "ratio");
        System.out.printf("%-28s %9.0f %10.2f %10.3f %8.2f%n", "vi-daily (normal)", normal.length / 1024.0,
                normalPerKb * normal.length / 1024.0, normalPerKb, 1.0);
        for (var page : pages().entrySet()) {
            byte[] html = page.getValue();
            double ms = run(extractor, html);
            double kb = Math.min(html.length, 2 * 1024 * 1024) / 1024.0;
            System.out.printf("%-28s %9.0f %10.0f %10.3f %8.2f%n", page.getKey(), kb, ms, ms / kb, ms / kb / normalPerKb);
        }
    }

    private static double run(ArticleExtractor extractor, byte[] html) {
        long start = System.nanoTime();
        try {
            extractor.extract(URI.create("https://bench.example/page"), html, "text/html; charset=utf-8");
        } catch (ExtractionException e) {
            // a page without a story costs as much to find out
        }
        return (System.nanoTime() - start) / 1e6;
    }

    private static Map<String, byte[]> pages() {
        Map<String, byte[]> pages = new LinkedHashMap<>();
        pages.put("120,000 nested divs", page("<div>".repeat(120_000) + STORY + "</div>".repeat(120_000)));
        StringBuilder wide = new StringBuilder("<div><ul>");
        for (int i = 0; i < 30_000; i++) {
            wide.append("<li><h3><a href=\"/s/").append(i).append("\">Item number ").append(i).append(" of the list</a></h3></li>");
        }
        pages.put("30,000 teasers side by side", page(wide.append("</ul>").append(STORY).append("</div>").toString()));
        StringBuilder text = new StringBuilder("<article><h1>Slow</h1><p>");
        while (text.length() < 3_000_000) {
            text.append("The river rose again overnight, and the town council met at dawn. ");
        }
        pages.put("3 MB of text", page(text.append("</p></article>").toString()));
        return pages;
    }

    private static byte[] page(String body) {
        return (HEAD + body + "</body></html>").getBytes(StandardCharsets.UTF_8);
    }
}
