package io.newsradar.ingest.extract;

import java.util.IdentityHashMap;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;

/**
 * Facts about every element's subtree, gathered in one pass from the leaves up, so that asking them of every element
 * costs no more than reading the page once: how many words its text has (as {@link Text#words} counts them in
 * {@code el.text()}) and how many words its first link has. Valid until the tree changes.
 */
final class Subtrees {

    /** Words, and whether the text starts and ends inside a word (where it may join a neighbour's word). */
    private record Words(int count, boolean startsInWord, boolean endsInWord) {

        static final Words NONE = new Words(0, false, false);

        Words then(Words next, boolean spaceBetween) {
            if (count == 0) {
                return next;
            }
            if (next.count == 0) {
                return this;
            }
            boolean joined = !spaceBetween && endsInWord && next.startsInWord;
            return new Words(count + next.count - (joined ? 1 : 0), startsInWord, next.endsInWord);
        }
    }

    private final Map<Element, Words> words = new IdentityHashMap<>();
    private final Map<Element, Element> firstLink = new IdentityHashMap<>();

    private Subtrees() {
    }

    static Subtrees of(Element root, Budget budget) {
        Subtrees facts = new Subtrees();
        NodeTraversor.traverse(new org.jsoup.select.NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                // facts are gathered on the way back up, when every child is known
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element el) {
                    budget.check();
                    facts.gather(el);
                }
            }
        }, root);
        return facts;
    }

    /** The number of words of the element's text. */
    int words(Element el) {
        return words.getOrDefault(el, Words.NONE).count();
    }

    /** The number of words of the text of the element's first link ({@code el.selectFirst("a")}), 0 when none. */
    int firstLinkWords(Element el) {
        Element link = firstLink.get(el);
        return link == null ? 0 : words(link);
    }

    private void gather(Element el) {
        Words total = Words.NONE;
        Element link = el.normalName().equals("a") ? el : null;
        boolean breakBefore = false;
        for (Node child : el.childNodes()) {
            if (child instanceof TextNode text) {
                total = total.then(of(text.getWholeText()), breakBefore);
                breakBefore = false;
            } else if (child instanceof Element e) {
                boolean block = e.isBlock() || e.normalName().equals("br");
                total = total.then(words.getOrDefault(e, Words.NONE), breakBefore || block);
                breakBefore = block;
                if (link == null) {
                    link = firstLink.get(e);
                }
            }
        }
        words.put(el, total);
        if (link != null) {
            firstLink.put(el, link);
        }
    }

    private static Words of(String text) {
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean wordChar = isWordChar(cp);
            if (wordChar && !inWord) {
                count++;
            }
            inWord = wordChar;
            i += Character.charCount(cp);
        }
        if (count == 0) {
            return Words.NONE;
        }
        int first = text.codePointAt(0);
        int last = text.codePointBefore(text.length());
        return new Words(count, isWordChar(first), isWordChar(last));
    }

    private static boolean isWordChar(int cp) {
        return Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.LETTER_NUMBER
                || Character.getType(cp) == Character.OTHER_NUMBER;
    }
}
