package io.newsradar.ingest.extract;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads the story of a news page: headline, lead and body, without menus, teasers, "related news" boxes, share bars,
 * comments, banners and footers. Metadata comes from the page's head and JSON-LD; the body from the best-scoring
 * container ({@link Candidates}) after page furniture is removed ({@link Boilerplate}). A JSON-LD {@code articleBody}
 * is used instead when the page's own markup yields much less. Thread-safe and reusable.
 */
public final class ArticleExtractor implements PageReader {

    /** A story has at least this many words in all and one block of at least {@link #MIN_LONGEST_BLOCK} words. */
    static final int MIN_STORY_WORDS = 40;
    static final int MIN_LONGEST_BLOCK = 15;
    private static final int MIN_JSON_LD_WORDS = 80;

    private final ExtractionSettings settings;

    /** With {@link ExtractionSettings#defaults()}. */
    public ArticleExtractor() {
        this(ExtractionSettings.defaults());
    }

    public ArticleExtractor(ExtractionSettings settings) {
        this.settings = settings;
    }

    /** How much of a page is read and for how long. */
    public ExtractionSettings settings() {
        return settings;
    }

    /**
     * @param pageUrl     the page's URL, for resolving links and for messages
     * @param html        the raw bytes of the page
     * @param contentType the HTTP Content-Type (may carry a charset), or {@code null}
     * @throws ExtractionDeadlineException when the page was not read within the deadline (or the calling thread was
     *                                     interrupted)
     * @throws ExtractionException         when the page holds no story
     */
    @Override
    public ExtractedArticle extract(URI pageUrl, byte[] html, String contentType) throws ExtractionException {
        return extract(pageUrl, html, contentType, settings.deadline());
    }

    /** As {@link #extract(URI, byte[], String)}, within what is left of the deadline. */
    ExtractedArticle extract(URI pageUrl, byte[] html, String contentType, Duration left) throws ExtractionException {
        Budget budget = Budget.of(pageUrl, left);
        try {
            return extract(pageUrl, html, contentType, budget);
        } catch (Budget.OutOfTime e) {
            throw new ExtractionDeadlineException(e.getMessage() + " (" + html.length + " bytes; "
                    + "newsradar.ingest.extract.deadline)");
        }
    }

    private ExtractedArticle extract(URI pageUrl, byte[] html, String contentType, Budget budget) throws ExtractionException {
        String text = PageDecoder.text(html, contentType, settings);
        Document doc = PageDecoder.parse(pageUrl, text, settings, budget);
        PageMeta meta = PageMeta.read(pageUrl, doc);
        if (TextCleaner.isBlank(meta.headline())) {
            throw new ExtractionException(pageUrl + " has no headline: no og:title, <h1> or <title>");
        }
        budget.check();
        Story story = story(doc, true, budget);
        if (TextCleaner.words(String.join(" ", story.paragraphs)) < MIN_STORY_WORDS) {
            // the first pass stripped furniture by name from the document: read the same text again without that
            story = story(PageDecoder.parse(pageUrl, text, settings, budget), false, budget);
        }
        List<String> paragraphs = jsonLdBodyIfLonger(meta, story.paragraphs, budget);
        String lead = !story.lead.isEmpty() ? story.lead : Lead.fromDescription(meta.description(), paragraphs);
        String leadKey = TextCleaner.key(lead);
        String headlineKey = TextCleaner.key(meta.headline());
        paragraphs.removeIf(p -> TextCleaner.key(p).equals(leadKey) || TextCleaner.key(p).equals(headlineKey));
        check(pageUrl, paragraphs);
        return new ExtractedArticle(meta.headline(), lead, String.join("\n\n", paragraphs), meta.language(),
                meta.canonicalUrl(), meta.publishedAt(), meta.updatedAt(), meta.author(), meta.imageUrl(), meta.section());
    }

    private record Story(String lead, List<String> paragraphs) {
    }

    private static Story story(Document doc, boolean furnitureByName, Budget budget) {
        Boilerplate.strip(doc, furnitureByName, budget);
        Element body = doc.body();
        String lead = Lead.takeMarked(body, budget);
        Tables.flattenDataTables(body, budget);
        Candidates.wrapLooseText(body, budget);
        List<Element> chosen = Candidates.select(body, budget);
        if (lead.isEmpty()) {
            lead = Lead.takeBoldOpening(chosen, budget);
        }
        return new Story(lead, new ArrayList<>(Paragraphs.of(chosen, budget)));
    }

    private static List<String> jsonLdBodyIfLonger(PageMeta meta, List<String> fromMarkup, Budget budget) {
        String articleBody = meta.jsonLd().articleBody();
        if (articleBody == null) {
            return fromMarkup;
        }
        int ldWords = TextCleaner.words(articleBody);
        if (ldWords < MIN_JSON_LD_WORDS || TextCleaner.words(String.join(" ", fromMarkup)) >= ldWords * 0.6) {
            return fromMarkup;
        }
        if (articleBody.contains("</")) {
            Document fragment = Jsoup.parseBodyFragment(articleBody);
            return new ArrayList<>(Paragraphs.of(List.of(fragment.body()), budget));
        }
        List<String> paragraphs = new ArrayList<>();
        Arrays.stream(articleBody.split("\\n")).map(TextCleaner::clean).filter(p -> !p.isEmpty()).forEach(paragraphs::add);
        return paragraphs;
    }

    private static void check(URI pageUrl, List<String> paragraphs) throws ExtractionException {
        int longest = paragraphs.stream().mapToInt(TextCleaner::words).max().orElse(0);
        int total = paragraphs.stream().mapToInt(TextCleaner::words).sum();
        if (longest < MIN_LONGEST_BLOCK) {
            throw new ExtractionException(pageUrl + " has no story text: the longest text block has " + longest + " words");
        }
        if (total < MIN_STORY_WORDS) {
            throw new ExtractionException(pageUrl + " has no story text: the story candidate has only " + total
                    + " words in " + paragraphs.size() + " blocks");
        }
    }
}
