package io.newsradar.ingest.extract;

import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

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
    private static final String HEADING_LINK = "h1 a, h2 a, h3 a, h4 a, h5 a, h6 a, a[class~=(?i)title], [class~=(?i)title] a";
    /** Labels of boxes of other stories, folded: "Tin liên quan", "Đọc thêm", "À lire aussi", "Related stories"… */
    static final Pattern RELATED_LABEL = Pattern.compile("^(tin (bai )?lien quan|bai lien quan|doc them|xem them|"
            + "tin cung chuyen muc|cac tin (bai )?khac|tin khac|doc nhieu|tin moi( nhat)?|tin noi bat|"
            + "a lire aussi|lire aussi|a lire egalement|voir aussi|sur le meme sujet|les plus lus|dans la meme rubrique|"
            + "related( stories| news| articles| coverage)?|read more|more (stories|from|on)\\b.*|most read|see also|"
            + "you may also like|recommended)$");

    private Boilerplate() {
    }

    static void strip(Document doc, boolean furnitureByName) {
        doc.select(NEVER_TEXT).remove();
        Element body = doc.body();
        if (furnitureByName) {
            for (Element el : body.select("*")) {
                if (el != body && attached(el) && Hints.isFurniture(el) && el.selectFirst(KEEP) == null) {
                    el.remove();
                }
            }
        }
        removeTeaserLists(body);
        removeRelatedBoxes(body);
    }

    /** Removes children that are teasers (a linked headline and a few lines) when a parent holds two or more. */
    private static void removeTeaserLists(Element body) {
        for (Element parent : body.select("*")) {
            var teasers = parent.children().stream().filter(Boilerplate::isTeaser).toList();
            if (teasers.size() >= 2) {
                teasers.forEach(Element::remove);
            }
        }
    }

    private static boolean isTeaser(Element el) {
        if (el.selectFirst(HEADING_LINK) == null && !(el.normalName().equals("li") && startsWithLongLink(el))) {
            return false;
        }
        String text = el.text();
        return Text.words(text) <= 80 && el.selectFirst("h1, [itemprop=articleBody]") == null;
    }

    private static boolean startsWithLongLink(Element li) {
        Element link = li.selectFirst("a");
        return link != null && Text.words(link.text()) >= 4;
    }

    /** A short element whose whole text is a "related" label: its box goes, or the link-heavy blocks after it. */
    private static void removeRelatedBoxes(Element body) {
        for (Element el : body.select("*")) {
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
        return RELATED_LABEL.matcher(Text.key(text)).matches();
    }
}
