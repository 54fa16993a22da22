package io.newsradar.bench;

import io.newsradar.ingest.extract.ArticleExtractor;
import io.newsradar.ingest.extract.ExtractedArticle;
import io.newsradar.ingest.extract.ExtractionException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
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
 * Time to extract the story of one article page on one thread (decode, parse, strip furniture, score, paragraphs):
 * each of the nine fixture pages of ingest-service (3–8 KB, Vietnamese, English and French templates), and one page
 * grown to about {@code kib} KiB by repeating the story blocks of a fixture (its paragraphs, figures and teaser
 * boxes), to check that the time grows about linearly with the page.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
@Threads(1)
public class ExtractionBenchmark {

    /** Pages that name their charset only in a meta tag; the others are served as UTF-8, as in the unit tests. */
    private static final List<String> META_CHARSET_ONLY = List.of("vi-legacy-1258");

    /** One fixture page as it is. */
    @State(Scope.Thread)
    public static class FixturePage {

        @Param({"ingest-service/src/test/resources/pages"})
        String pages;

        @Param({"vi-daily", "vi-province", "vi-legacy-1258", "en-wire", "en-jsonld", "en-blog", "fr-daily",
                "fr-regional", "fr-figures"})
        String page;

        Page loaded;

        @Setup(Level.Trial)
        public void load() throws IOException, ExtractionException {
            byte[] html = Files.readAllBytes(Path.of(pages, page + ".html"));
            loaded = Page.checked(page, html, META_CHARSET_ONLY.contains(page) ? "text/html" : "text/html; charset=utf-8");
        }
    }

    /** A fixture page grown to about {@code kib} KiB. */
    @State(Scope.Thread)
    public static class LargePage {

        @Param({"ingest-service/src/test/resources/pages"})
        String pages;

        @Param({"vi-daily"})
        String page;

        @Param({"200"})
        int kib;

        Page loaded;

        @Setup(Level.Trial)
        public void build() throws IOException, ExtractionException {
            byte[] html = grown(Files.readAllBytes(Path.of(pages, page + ".html")), kib * 1024);
            loaded = Page.checked(page + "-" + kib + "k", html, "text/html; charset=utf-8");
        }
    }

    private final ArticleExtractor extractor = new ArticleExtractor();

    @Benchmark
    public ExtractedArticle extractPage(FixturePage page) throws ExtractionException {
        return page.loaded.extract(extractor);
    }

    @Benchmark
    public ExtractedArticle extractLargePage(LargePage page) throws ExtractionException {
        return page.loaded.extract(extractor);
    }

    /** A page ready to extract. */
    record Page(URI url, byte[] html, String contentType) {

        /** The page, once it is known to yield a story (so the benchmark never times a refusal). */
        static Page checked(String name, byte[] html, String contentType) throws ExtractionException {
            Page page = new Page(URI.create("https://news.example/" + name), html, contentType);
            if (page.extract(new ArticleExtractor()).body().isBlank()) {
                throw new IllegalStateException(name + " yields no story");
            }
            return page;
        }

        ExtractedArticle extract(ArticleExtractor extractor) throws ExtractionException {
            return extractor.extract(url, html, contentType);
        }
    }

    /**
     * The page with the blocks of its story container (the element holding the most paragraphs: paragraphs,
     * figures, teaser and share boxes) appended again and again until it reaches {@code bytes}. Each copied paragraph
     * is numbered, so no two are the same text. The result is UTF-8.
     */
    static byte[] grown(byte[] html, int bytes) {
        Document doc = Jsoup.parse(new String(html, StandardCharsets.UTF_8));
        Map<Element, Long> paragraphsByParent = doc.select("p").stream()
                .collect(Collectors.groupingBy(Element::parent, Collectors.counting()));
        Element story = paragraphsByParent.entrySet().stream().max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey).orElseThrow(() -> new IllegalArgumentException("the page has no paragraphs"));
        List<Element> blocks = story.children().stream().map(Element::clone).toList();
        for (int copy = 1; utf8Length(doc) < bytes; copy++) {
            for (Element block : blocks) {
                Element again = block.clone();
                if (again.tagName().equals("p") && again.hasText()) {
                    again.appendText(" (" + copy + ")");
                }
                story.appendChild(again);
            }
        }
        return doc.outerHtml().getBytes(StandardCharsets.UTF_8);
    }

    private static int utf8Length(Document doc) {
        return doc.outerHtml().getBytes(StandardCharsets.UTF_8).length;
    }
}
