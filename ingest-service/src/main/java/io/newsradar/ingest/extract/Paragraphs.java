package io.newsradar.ingest.extract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * The text blocks of the chosen story elements, cleaned: link lists, "read also" inserts, photo credits, repeated
 * blocks and a trailing byline are dropped.
 */
final class Paragraphs {

    private static final String BLOCKS = "p, pre, h2, h3, h4, h5, h6, li, blockquote, dd";
    /** Folded starts of inserts that point to other stories. */
    private static final Pattern INSERT = Pattern.compile("^(a lire aussi|lire aussi|a lire egalement|voir aussi|"
            + "sur le meme sujet|doc them|xem them|tin lien quan|read more|related|see also|also read)\\b.*");
    /** Folded starts of credit and source lines. */
    private static final Pattern CREDIT = Pattern.compile("^(anh|photo|photos|credit|credits|nguon|source|video|"
            + "by|par|bai va anh|theo)\\b.*");
    private static final Pattern SENTENCE_END = Pattern.compile(".*[.!?…»\"”]$");
    /** Folded starts of publication lines: dates, reading time. */
    private static final Pattern DATE_LINE = Pattern.compile("^(publie|modifie|mis a jour|cap nhat|ngay dang|"
            + "posted|published|updated|temps de lecture|reading time|thoi gian doc)\\b.*");
    /** Folded starts of the notes wires and sites put under a story. */
    private static final Pattern END_NOTE = Pattern.compile("^(reporting by|writing by|editing by|additional reporting|"
            + "our standards|copyright|all rights reserved|tous droits reserves|ban quyen)\\b.*");

    private Paragraphs() {
    }

    static List<String> of(List<Element> story, Budget budget) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Element container : story) {
            for (Element block : blocks(container, budget)) {
                budget.check();
                String text = TextCleaner.clean(block.text());
                String key = TextCleaner.key(text);
                if (!key.isEmpty() && keep(block, text, key) && seen.add(key)) {
                    out.add(text);
                }
            }
        }
        dropTrailingByline(out);
        return out;
    }

    /** The first text block of the story, or {@code null}. */
    static Element first(List<Element> story, Budget budget) {
        for (Element container : story) {
            for (Element block : blocks(container, budget)) {
                if (!TextCleaner.clean(block.text()).isEmpty()) {
                    return block;
                }
            }
        }
        return null;
    }

    /** The innermost text blocks of the container, in page order: found in one pass, without a search per block. */
    private static List<Element> blocks(Element container, Budget budget) {
        if (container.is(BLOCKS)) {
            return List.of(container);
        }
        Elements all = container.select(BLOCKS);
        Set<Element> holders = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element block : all) {
            budget.check();
            for (Element up = block.parent(); up != null && up != container && holders.add(up); up = up.parent()) {
                // marks the blocks' ancestors, each once
            }
        }
        List<Element> leaves = new ArrayList<>();
        for (Element block : all) {
            if (!holders.contains(block)) {
                leaves.add(block);
            }
        }
        return leaves;
    }

    private static boolean keep(Element block, String text, String key) {
        double density = Links.density(block);
        if (density > 0.5) {
            return false;
        }
        int words = TextCleaner.words(text);
        if (END_NOTE.matcher(key).matches() && words <= 40 || DATE_LINE.matcher(key).matches() && words <= 20) {
            return false;
        }
        if (INSERT.matcher(key).matches() && (density > 0.2 || words <= 25)) {
            return false;
        }
        return !(CREDIT.matcher(key).matches() && words <= 10 && !SENTENCE_END.matcher(text).matches());
    }

    /** Short lines without closing punctuation at the end of a story are bylines, sources and datelines. */
    private static void dropTrailingByline(List<String> out) {
        while (!out.isEmpty()) {
            String last = out.get(out.size() - 1);
            if (TextCleaner.words(last) > 6 || SENTENCE_END.matcher(last).matches()) {
                break;
            }
            out.remove(out.size() - 1);
        }
    }
}
