package io.newsradar.ingest.extract;

import java.util.List;
import org.jsoup.nodes.Element;

/** Finds the standfirst: a sapo/chapô/summary element, a wholly bold first paragraph, or the page's description. */
final class Lead {

    private static final int MIN_WORDS = 8;
    private static final int MAX_WORDS = 150;

    private Lead() {
    }

    /** Removes and returns the text of the first element marked as a standfirst, or returns "". */
    static String takeMarked(Element body, Budget budget) {
        for (Element el : body.select("*")) {
            budget.check();
            if (Hints.isLead(el) && el.select("p").size() <= 2) {
                String text = TextCleaner.clean(el.text());
                int words = TextCleaner.words(text);
                if (words >= MIN_WORDS && words <= MAX_WORDS) {
                    el.remove();
                    return text;
                }
            }
        }
        return "";
    }

    /** Removes and returns the story's first block when all of its text is bold, or returns "". */
    static String takeBoldOpening(List<Element> story, Budget budget) {
        Element first = Paragraphs.first(story, budget);
        if (first == null) {
            return "";
        }
        String text = TextCleaner.clean(first.text());
        String bold = TextCleaner.clean(first.select("strong, b").text());
        if (TextCleaner.words(text) >= 12 && TextCleaner.words(text) <= MAX_WORDS && TextCleaner.key(bold).equals(TextCleaner.key(text))) {
            first.remove();
            return text;
        }
        return "";
    }

    /**
     * The page's description as a lead. When it is part of the first paragraph (descriptions are often cut short with
     * "…", or leave out a wire dateline), that whole paragraph is the lead and is taken out of the body.
     */
    static String fromDescription(String description, List<String> paragraphs) {
        if (TextCleaner.words(description) < MIN_WORDS) {
            return "";
        }
        String key = TextCleaner.key(description.replaceFirst("(\\.\\.\\.|…)\\s*$", ""));
        if (!paragraphs.isEmpty() && TextCleaner.key(paragraphs.get(0)).contains(key)) {
            return paragraphs.remove(0);
        }
        return description;
    }
}
