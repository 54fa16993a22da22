package io.newsradar.ingest.extract;

import java.net.URI;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** What a page says about itself in its head, JSON-LD and {@code <h1>}, read before any clean-up. */
record PageMeta(String headline, String description, String language, String canonicalUrl, Instant publishedAt,
        Instant updatedAt, JsonLd jsonLd, String author, String imageUrl, String section) {

    /** "By", "Par", "Bởi" before a name in a byline. */
    private static final Pattern BYLINE_WORD = Pattern.compile("^(?i)(by|par|bởi)\\s+");

    static PageMeta read(URI pageUrl, Document doc) {
        JsonLd ld = JsonLd.read(doc);
        String h1 = mainHeading(doc);
        String title = firstNonBlank(meta(doc, "og:title"), ld.headline(), meta(doc, "twitter:title"), h1, doc.title());
        String headline = Headlines.withoutSiteName(TextCleaner.clean(title), headingKeys(doc), siteNames(pageUrl, doc));
        String description = TextCleaner.clean(firstNonBlank(meta(doc, "og:description"), meta(doc, "description"),
                ld.description(), meta(doc, "twitter:description")));
        Instant published = firstDate(meta(doc, "article:published_time"), itemprop(doc, "datePublished"),
                ld.datePublished(), meta(doc, "pubdate"), doc.select("time[datetime]").attr("datetime"));
        Instant updated = firstDate(meta(doc, "article:modified_time"), itemprop(doc, "dateModified"),
                ld.dateModified(), meta(doc, "og:updated_time"));
        String author = TextCleaner.clean(firstNonBlank(ld.author(), meta(doc, "author"), notUrl(meta(doc, "article:author")),
                meta(doc, "parsely-author"), ownText(doc, "[rel=author], [itemprop=author] [itemprop=name], [itemprop=author]")));
        String image = absolute(doc, firstNonBlank(meta(doc, "og:image"), meta(doc, "og:image:url"), ld.image(),
                meta(doc, "twitter:image"), doc.select("link[rel=image_src]").attr("href")));
        String section = TextCleaner.clean(firstNonBlank(meta(doc, "article:section"), ld.section(),
                ownText(doc, "[itemprop=articleSection]")));
        author = BYLINE_WORD.matcher(author).replaceFirst("");
        return new PageMeta(headline, description, language(doc), canonical(doc), published, updated, ld,
                author.isEmpty() ? null : author, image, section.isEmpty() ? null : section);
    }

    private static String notUrl(String value) {
        return value == null || value.startsWith("http://") || value.startsWith("https://") ? null : value;
    }

    private static String ownText(Document doc, String query) {
        Element el = doc.selectFirst(query);
        if (el == null) {
            return null;
        }
        String text = firstNonBlank(el.attr("content"), el.text());
        return text == null || text.length() > 100 ? null : text;
    }

    private static String absolute(Document doc, String href) {
        if (TextCleaner.isBlank(href)) {
            return null;
        }
        try {
            String base = doc.location();
            return base.isEmpty() ? href.trim() : URI.create(base).resolve(href.trim()).toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String mainHeading(Document doc) {
        Element inArticle = doc.selectFirst("article h1, [itemprop=headline], main h1");
        if (inArticle != null && !inArticle.text().isBlank()) {
            return TextCleaner.clean(inArticle.text());
        }
        String longest = "";
        for (Element h1 : doc.select("h1")) {
            String text = TextCleaner.clean(h1.text());
            if (text.length() > longest.length()) {
                longest = text;
            }
        }
        return longest.isEmpty() ? null : longest;
    }

    /** Folded texts of the page's headings, to recognise the story title inside a longer {@code <title>}. */
    private static Set<String> headingKeys(Document doc) {
        Set<String> keys = new HashSet<>();
        for (Element el : doc.select("h1, h2, [class~=(?i)(title|tieude|headline)], [itemprop=headline]")) {
            String text = el.text();
            if (text.length() < 300) {
                keys.add(TextCleaner.key(text));
            }
        }
        return keys;
    }

    private static String[] siteNames(URI pageUrl, Document doc) {
        String host = pageUrl.getHost() == null ? "" : pageUrl.getHost().toLowerCase(Locale.ROOT);
        return new String[] {meta(doc, "og:site_name"), meta(doc, "application-name"), host.replaceFirst("^www\\.", "")};
    }

    private static String language(Document doc) {
        String lang = firstNonBlank(doc.select("html").attr("lang"), meta(doc, "og:locale"),
                doc.select("meta[http-equiv=content-language]").attr("content"), meta(doc, "language"));
        if (lang == null) {
            return null;
        }
        String tag = lang.trim().replace('_', '-').split("[,\\s]")[0];
        String bcp47 = Locale.forLanguageTag(tag).toLanguageTag();
        return "und".equals(bcp47) ? null : bcp47;
    }

    private static String canonical(Document doc) {
        String href = doc.select("link[rel=canonical][href]").attr("abs:href");
        if (href.isBlank()) {
            Element og = doc.selectFirst("meta[property=og:url][content]");
            href = og == null ? "" : og.attr("abs:content");
        }
        return href.isBlank() ? null : href.trim();
    }

    private static String meta(Document doc, String name) {
        Element el = doc.selectFirst("meta[property=" + name + "][content], meta[name=" + name + "][content]");
        return el == null || el.attr("content").isBlank() ? null : el.attr("content");
    }

    private static String itemprop(Document doc, String name) {
        Element el = doc.selectFirst("[itemprop=" + name + "]");
        if (el == null) {
            return null;
        }
        return firstNonBlank(el.attr("content"), el.attr("datetime"));
    }

    private static Instant firstDate(String... values) {
        for (String value : values) {
            Instant instant = Dates.parse(value);
            if (instant != null) {
                return instant;
            }
        }
        return null;
    }

    static String firstNonBlank(String... values) {
        for (String value : values) {
            if (!TextCleaner.isBlank(value)) {
                return value;
            }
        }
        return null;
    }
}
