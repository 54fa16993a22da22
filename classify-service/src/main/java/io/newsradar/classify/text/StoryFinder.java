package io.newsradar.classify.text;

import io.newsradar.contracts.TextFolding;
import io.newsradar.reference.DataFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the story in text as a scraper saves a whole page: the headline (the first meaningful line), the lead (the
 * first paragraph of prose) and the body (the prose that follows, up to the first "related news" heading). Menus,
 * teaser headlines, image and video links, captions and everything after the story's end are left out, so that
 * other stories' countries do not decide the tags. The end headings and navigation words are data
 * ({@code page/markers.tsv}). Only whole-page input (the command line's {@code text}) is cut here: the articles of
 * the stream were extracted by ingest, and classify takes their title, lead and body as they are.
 */
public final class StoryFinder {

    /** The story found in a page. */
    public record Story(String title, String lead, String body) {
    }

    /** A line at least this long that ends a sentence is prose; teaser headlines are shorter or do not end one. */
    static final int PROSE_MIN = 80;
    /** A line this long is prose even without a final stop. */
    static final int PROSE_LONG = 200;
    private static final int HEADING_MAX = 60;
    private static final Pattern MARKDOWN_IMAGE = Pattern.compile("!\\[[^\\]]*+\\]\\([^)]*+\\)");
    private static final Pattern BRACKETED_KIND = Pattern.compile("^\\[[^\\]]{1,20}\\]");

    private final List<String> ends;
    private final List<String> navs;

    private StoryFinder(List<String> ends, List<String> navs) {
        this.ends = List.copyOf(ends);
        this.navs = List.copyOf(navs);
    }

    public static StoryFinder load(Path dataDir) {
        List<String> ends = new ArrayList<>();
        List<String> navs = new ArrayList<>();
        for (DataFile.Line line : DataFile.read(dataDir, "page/markers.tsv", 3, 3)) {
            String phrase = TextFolding.fold(line.column(2)).strip();
            switch (line.column(1)) {
                case "end" -> ends.add(phrase);
                case "nav" -> navs.add(phrase);
                default -> throw line.error("the kind must be end or nav, was '" + line.column(1) + "'");
            }
        }
        return new StoryFinder(ends, navs);
    }

    /** The story in a whole page's text. */
    public Story split(String page) {
        List<String> lines = lines(page);
        int headline = -1;
        for (int i = 0; i < lines.size() && headline < 0; i++) {
            if (isHeadline(lines.get(i))) {
                headline = i;
            }
        }
        if (headline < 0) {
            return new Story("", "", String.join("\n\n", lines));
        }
        String title = lines.get(headline);
        List<String> prose = prose(lines.subList(headline + 1, lines.size()), title);
        return new Story(title, prose.isEmpty() ? "" : prose.get(0),
                prose.size() < 2 ? "" : String.join("\n\n", prose.subList(1, prose.size())));
    }

    private List<String> prose(List<String> lines, String title) {
        Set<String> seen = new HashSet<>();
        seen.add(TextFolding.fold(title));
        List<String> prose = new ArrayList<>();
        for (String line : lines) {
            if (isEnd(line)) {
                break;
            }
            if (isProse(line) && seen.add(TextFolding.fold(line))) {
                prose.add(line);
            }
        }
        return prose;
    }

    /** The page's lines with image links, "[Video]"-style labels and table bars removed; image-led teasers dropped. */
    private static List<String> lines(String page) {
        List<String> lines = new ArrayList<>();
        for (String raw : page.split("\\R")) {
            String line = raw.strip();
            if (line.startsWith("![")) {
                continue; // a teaser or a video, led by its picture
            }
            if (line.contains("![")) {
                line = MARKDOWN_IMAGE.matcher(line).replaceAll(" ");
            }
            if (line.startsWith("[") && BRACKETED_KIND.matcher(line).find()) {
                continue; // "[Video] …", "[Infographic] …": links to other items
            }
            if (line.indexOf('|') >= 0 || line.contains("  ") || line.indexOf('\t') >= 0) {
                line = line.replace('|', ' ').strip().replaceAll("\\s{2,}", " ");
            }
            if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        return lines;
    }

    private boolean isHeadline(String line) {
        String folded = TextFolding.fold(line);
        if (startsWithAny(folded, navs) || isEnd(line) || line.length() > 300) {
            return false;
        }
        int words = 0;
        int letters = 0;
        for (String word : folded.split(" ")) {
            if (word.chars().anyMatch(Character::isLetter)) {
                words++;
                letters += word.length();
            }
        }
        return words >= 4 && letters * 2 >= folded.replace(" ", "").length();
    }

    private boolean isEnd(String line) {
        if (line.length() > 2 * HEADING_MAX) {
            return false; // folding never halves a line
        }
        String folded = TextFolding.fold(line).strip();
        return folded.length() <= HEADING_MAX && startsWithAny(folded, ends);
    }

    private static boolean isProse(String line) {
        if (line.length() >= PROSE_LONG) {
            return true;
        }
        if (line.length() < PROSE_MIN) {
            return false;
        }
        char last = line.charAt(line.length() - 1);
        return ".!?…\"”»)".indexOf(last) >= 0;
    }

    private static boolean startsWithAny(String folded, List<String> phrases) {
        for (String phrase : phrases) {
            if (folded.startsWith(phrase) && (folded.length() == phrase.length() || !Character.isLetterOrDigit(folded.charAt(phrase.length())))) {
                return true;
            }
        }
        return false;
    }
}
