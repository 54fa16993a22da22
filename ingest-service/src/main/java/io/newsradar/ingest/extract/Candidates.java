package io.newsradar.ingest.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Readability-style choice of the story container. Every paragraph of 25 characters or more scores one point, a point
 * per comma and a point per 100 characters (up to three); its parent gets the score, its grandparent half, older
 * ancestors less. Containers start from a tag score and the class/id weight of {@link Hints}, and end multiplied by
 * one minus their link density. The best container is taken with those of its siblings that score well too or are
 * plain paragraphs of prose.
 */
final class Candidates {

    private static final int MIN_PARAGRAPH_CHARS = 25;
    private static final int ANCESTOR_LEVELS = 5;

    private final Map<Element, Double> scores = new IdentityHashMap<>();
    /** The part of each score that comes from paragraphs, without the tag and class/id weight. */
    private final Map<Element, Double> fromParagraphs = new IdentityHashMap<>();

    /** The story's elements, in page order; empty when nothing scored. */
    static List<Element> select(Element body, Budget budget) {
        return new Candidates().choose(body, budget);
    }

    private List<Element> choose(Element body, Budget budget) {
        for (Element p : body.select("p, pre, blockquote")) {
            budget.check();
            String text = p.text();
            if (text.length() < MIN_PARAGRAPH_CHARS) {
                continue;
            }
            double score = 1 + commas(text) + Math.min(text.length() / 100, 3);
            Element ancestor = p.parent();
            for (int level = 0; ancestor != null && level < ANCESTOR_LEVELS; level++, ancestor = ancestor.parent()) {
                double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                scores.merge(ancestor, initial(ancestor) + score / divider, (a, b) -> a + score / divider);
                fromParagraphs.merge(ancestor, score / divider, Double::sum);
            }
        }
        Element top = null;
        double best = 0;
        for (var e : scores.entrySet()) {
            budget.check();
            double score = e.getValue() * (1 - Links.density(e.getKey()));
            e.setValue(score);
            if (score > best) {
                best = score;
                top = e.getKey();
            }
        }
        return top == null ? List.of() : withSiblings(top, best);
    }

    private List<Element> withSiblings(Element top, double topScore) {
        Element parent = top.parent();
        if (parent == null || top.normalName().equals("body")) {
            return List.of(top);
        }
        double threshold = Math.max(10, topScore * 0.2);
        List<Element> chosen = new ArrayList<>();
        for (Element sibling : parent.children()) {
            if (sibling == top || belongs(sibling, top, threshold)) {
                chosen.add(sibling);
            }
        }
        return chosen;
    }

    private boolean belongs(Element sibling, Element top, double threshold) {
        double bonus = !top.className().isEmpty() && top.className().equals(sibling.className()) ? threshold : 0;
        // a sibling must hold prose of its own: a class such as "article__date" alone does not make it story
        if (scores.getOrDefault(sibling, 0.0) + bonus >= threshold && fromParagraphs.getOrDefault(sibling, 0.0) >= 3) {
            return true;
        }
        if (!sibling.normalName().equals("p")) {
            return false;
        }
        String text = sibling.text();
        double density = Links.density(sibling);
        return text.length() > 80 ? density < 0.25 : density == 0 && text.matches(".*[.!?…]\\s*$");
    }

    private static double initial(Element el) {
        double tag = switch (el.normalName()) {
            case "article", "main" -> 10;
            case "div", "section" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        return tag + Hints.weight(el);
    }

    private static int commas(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '，' || c == '、') {
                n++;
            }
        }
        return n;
    }

    /**
     * Wraps text that sits loose in a container, between {@code <br><br>} or beside blocks, in {@code <p>} elements,
     * so that pages built from {@code <div>}s and tables score and read like pages built from paragraphs.
     */
    static void wrapLooseText(Element body, Budget budget) {
        for (Element el : body.select("div, td, section, article, main, center, font")) {
            budget.check();
            if (hasLooseText(el)) {
                wrapRuns(el, budget);
            }
        }
    }

    private static boolean hasLooseText(Element el) {
        for (Node child : el.childNodes()) {
            if (child instanceof TextNode t && t.text().trim().length() > 1) {
                return true;
            }
        }
        return false;
    }

    /** Rebuilds the element's children once, each run of inline content that holds text wrapped in a {@code <p>}. */
    private static void wrapRuns(Element el, Budget budget) {
        List<Node> children = new ArrayList<>(el.childNodes());
        boolean[] breaks = new boolean[children.size()];
        for (int i = 0; i < breaks.length; i++) {
            breaks[i] = children.get(i) instanceof Element e && (e.isBlock() || isDoubleBreak(e));
        }
        el.empty();
        List<Node> run = new ArrayList<>();
        for (int i = 0; i < breaks.length; i++) {
            budget.check();
            if (breaks[i]) {
                wrap(el, run);
                el.appendChild(children.get(i));
            } else {
                run.add(children.get(i));
            }
        }
        wrap(el, run);
    }

    private static boolean isDoubleBreak(Element e) {
        if (!e.normalName().equals("br")) {
            return false;
        }
        Node next = e.nextSibling();
        while (next instanceof TextNode t && t.isBlank()) {
            next = next.nextSibling();
        }
        Node prev = e.previousSibling();
        while (prev instanceof TextNode t && t.isBlank()) {
            prev = prev.previousSibling();
        }
        return next instanceof Element n && n.normalName().equals("br")
                || prev instanceof Element p && p.normalName().equals("br");
    }

    /** Appends the run to the element, in a new {@code <p>} when it holds text. */
    private static void wrap(Element el, List<Node> run) {
        StringBuilder text = new StringBuilder();
        for (Node n : run) {
            text.append(n instanceof TextNode t ? t.text() : n instanceof Element e ? e.text() : "");
        }
        Element into = el;
        if (!text.toString().isBlank()) {
            into = new Element("p");
            el.appendChild(into);
        }
        for (Node n : run) {
            into.appendChild(n);
        }
        run.clear();
    }
}
