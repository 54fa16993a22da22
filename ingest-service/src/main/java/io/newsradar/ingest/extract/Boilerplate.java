package io.newsradar.ingest.extract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Removes what is never the story before candidates are scored: scripts and forms, navigation and footers, elements
 * whose class or id names furniture, lists of teasers, and boxes under a "related news" label.
 */
final class Boilerplate {

    private static final String NEVER_TEXT = "script, style, noscript, template, iframe, svg, canvas, object, embed, "
            + "input, button, select, textarea, label, nav, footer, aside, figure, figcaption, dialog, menu, "
            + "[hidden], [aria-hidden=true], [role=navigation], [role=contentinfo], [role=complementary], "
            + "[role=dialog], [style~=(?i)display:\\s*none]";
    private static final String KEEP = "h1, article, [itemprop=articleBody]";
    /** A class that names a title: its links, and links in headings, are the headlines of teasers. */
    private static final Pattern TITLED = Pattern.compile("(?i)title");
    /** Labels of boxes of other stories, folded: "Tin liên quan", "Đọc thêm", "À lire aussi", "Related stories"… */
    static final Pattern RELATED_LABEL = Pattern.compile("^(tin (bai )?lien quan|bai lien quan|doc them|xem them|"
            + "tin cung chuyen muc|cac tin (bai )?khac|tin khac|doc nhieu|tin moi( nhat)?|tin noi bat|"
            + "a lire aussi|lire aussi|a lire egalement|voir aussi|sur le meme sujet|les plus lus|dans la meme rubrique|"
            + "related( stories| news| articles| coverage)?|read more|more (stories|from|on)\\b.*|most read|see also|"
            + "you may also like|recommended)$");

    private Boilerplate() {
    }

    static void strip(Document doc, boolean furnitureByName, Budget budget) {
        Dom.removeAll(doc.select(NEVER_TEXT), budget);
        Element body = doc.body();
        if (furnitureByName) {
            Set<Element> keep = Dom.holding(body, KEEP, budget);
            Dom.removeAll(Dom.takeOutermost(body, el -> el != body && Hints.isFurniture(el) && !keep.contains(el), budget),
                    budget);
        }
        removeTeaserLists(body, budget);
        removeRelatedBoxes(body, budget);
    }

    /** Removes children that are teasers (a linked headline and a few lines) when a parent holds two or more. */
    private static void removeTeaserLists(Element body, Budget budget) {
        Subtrees facts = Subtrees.of(body, budget);
        Set<Element> headingLinks = headingLinkHolders(body, budget);
        Set<Element> story = Dom.holding(body, "h1, [itemprop=articleBody]", budget);
        List<Element> teasers = new ArrayList<>();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                budget.check();
                if (!(node instanceof Element parent)) {
                    return FilterResult.CONTINUE;
                }
                List<Element> found = new ArrayList<>();
                for (Element child : parent.children()) {
                    if (isTeaser(child, facts, headingLinks, story)) {
                        found.add(child);
                    }
                }
                if (found.size() < 2) {
                    return FilterResult.CONTINUE;
                }
                teasers.addAll(found);
                return found.size() == parent.childrenSize() ? FilterResult.SKIP_ENTIRELY : FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        }, body);
        Set<Element> gone = Collections.newSetFromMap(new IdentityHashMap<>());
        gone.addAll(teasers);
        // a teaser inside a teaser that goes is gone already
        Dom.removeAll(teasers.stream().filter(t -> !hasAncestorIn(t, gone, body)).toList(), budget);
    }

    private static boolean hasAncestorIn(Element el, Set<Element> set, Element root) {
        for (Element a = el.parent(); a != null && a != root; a = a.parent()) {
            if (set.contains(a)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTeaser(Element el, Subtrees facts, Set<Element> headingLinks, Set<Element> story) {
        if (!headingLinks.contains(el) && !(el.normalName().equals("li") && facts.firstLinkWords(el) >= 4)) {
            return false;
        }
        return facts.words(el) <= 80 && !story.contains(el);
    }

    /**
     * The elements for which {@code el.selectFirst(HEADING_LINK)} finds a link: the ancestors of a titled link, and
     * of each heading (or titled element) that holds a link.
     */
    private static Set<Element> headingLinkHolders(Element body, Budget budget) {
        Set<Element> holders = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element a : body.getElementsByTag("a")) {
            budget.check();
            if (TITLED.matcher(a.className()).find()) {
                Dom.markUpTo(body, a, holders);
                continue;
            }
            for (Element up = a.parent(); up != null; up = up.parent()) {
                if (up.normalName().matches("h[1-6]") || TITLED.matcher(up.className()).find()) {
                    Dom.markUpTo(body, up, holders);
                    break;
                }
                if (up == body) {
                    break;
                }
            }
        }
        return holders;
    }

    /** A short element whose whole text is a "related" label: its box goes, or the link-heavy blocks after it. */
    private static void removeRelatedBoxes(Element body, Budget budget) {
        for (Element el : body.select("*")) {
            budget.check();
            if (el.childrenSize() > 2) {
                continue; // a label is a heading or a line, not a container; skipping these keeps the pass linear
            }
            String text = el.text();
            if (text.length() > 60 || !attached(el) || !isRelatedLabel(text)) {
                continue;
            }
            Element box = el;
            while (box.parent() != null && box.parent() != body && box.parent().text().length() < text.length() * 1.5 + 1) {
                box = box.parent();
            }
            Element container = box.parent();
            if (container != null && container != body && Links.density(container) >= 0.3
                    && container.selectFirst(KEEP) == null) {
                container.remove();
                continue;
            }
            Element next = box.nextElementSibling();
            while (next != null && Links.density(next) >= 0.3) {
                Element after = next.nextElementSibling();
                next.remove();
                next = after;
            }
            box.remove();
        }
    }

    private static boolean attached(Element el) {
        return el.ownerDocument() != null;
    }

    static boolean isRelatedLabel(String text) {
        return RELATED_LABEL.matcher(TextCleaner.key(text)).matches();
    }
}
