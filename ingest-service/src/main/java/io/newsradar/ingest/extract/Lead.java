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
                String text = Text.clean(el.text());
                int words = Text.words(text);
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
        String text = Text.clean(first.text());
        String bold = Text.clean(first.select("strong, b").text());
        if (Text.words(text) >= 12 && Text.words(text) <= MAX_WORDS && Text.key(bold).equals(Text.key(text))) {
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
        if (Text.words(description) < MIN_WORDS) {
            return "";
        }
        String key = Text.key(description.replaceFirst("(\\.\\.\\.|…)\\s*$", ""));
        if (!paragraphs.isEmpty() && Text.key(paragraphs.get(0)).contains(key)) {
            return paragraphs.remove(0);
        }
        return description;
    }
}
