package io.newsradar.ingest.extract;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Tree operations that stay linear in the page: jsoup removes a child by shifting and renumbering all its later
 * siblings, so removing many children of one wide parent one by one is quadratic, and asking "is it still attached"
 * walks to the root. These do each in one pass.
 */
final class Dom {

    /** Parents with more children removed than this are rebuilt in one pass instead. */
    private static final int FEW = 8;

    private Dom() {
    }

    /** Removes the nodes from the tree, each parent's children rebuilt once. */
    static void removeAll(Collection<? extends Node> nodes, Budget budget) {
        Map<Element, Set<Node>> byParent = new LinkedHashMap<>();
        for (Node node : nodes) {
            if (node.parentNode() instanceof Element parent) {
                byParent.computeIfAbsent(parent, p -> Collections.newSetFromMap(new IdentityHashMap<>())).add(node);
            }
        }
        for (var e : byParent.entrySet()) {
            budget.check();
            Element parent = e.getKey();
            Set<Node> gone = e.getValue();
            if (gone.size() <= FEW) {
                gone.forEach(Node::remove);
                continue;
            }
            List<Node> kept = new ArrayList<>(parent.childNodeSize() - gone.size());
            for (Node child : parent.childNodes()) {
                if (!gone.contains(child)) {
                    kept.add(child);
                }
            }
            parent.empty();
            for (Node child : kept) {
                parent.appendChild(child);
            }
        }
    }

    /** The elements under {@code root} (itself included) that match {@code css} or hold an element that does. */
    static Set<Element> holding(Element root, String css, Budget budget) {
        Set<Element> holders = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element match : root.select(css)) {
            budget.check();
            markUpTo(root, match, holders);
        }
        return holders;
    }

    /** Adds {@code from} and its ancestors up to {@code root} to {@code marked}, stopping at one already there. */
    static void markUpTo(Element root, Element from, Set<Element> marked) {
        for (Element el = from; el != null && marked.add(el) && el != root; el = el.parent()) {
            // each element is marked once, so all marking together is linear in the page
        }
    }

    /** The elements under {@code root} in page order, the root included, without descending into those taken. */
    static List<Element> takeOutermost(Element root, java.util.function.Predicate<Element> take, Budget budget) {
        List<Element> taken = new ArrayList<>();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                budget.check();
                if (node instanceof Element el && take.test(el)) {
                    taken.add(el);
                    return FilterResult.SKIP_ENTIRELY;
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        }, root);
        return taken;
    }

    /**
     * Lifts everything deeper than {@code maxDepth} (counted from the document) into the element at that depth: its
     * text is kept, in page order with a space between blocks, and its markup below is dropped.
     */
    static void boundDepth(Element root, int maxDepth, Budget budget) {
        List<Element> atLimit = new ArrayList<>();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                budget.check();
                if (depth >= maxDepth && node instanceof Element el) {
                    if (!el.children().isEmpty()) {
                        atLimit.add(el);
                    }
                    return FilterResult.SKIP_ENTIRELY;
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        }, root);
        for (Element el : atLimit) {
            List<Node> flat = new ArrayList<>();
            NodeTraversor.traverse((node, depth) -> {
                budget.check();
                if (node instanceof TextNode text) {
                    flat.add(new TextNode(text.getWholeText()));
                } else if (node instanceof Element e && depth > 0 && (e.isBlock() || e.normalName().equals("br"))) {
                    flat.add(new TextNode(" "));
                }
            }, el);
            el.empty();
            flat.forEach(el::appendChild);
        }
    }
}
