package io.newsradar.ingest.extract;

import org.jsoup.nodes.Element;

/** Link density: how much of an element's text is the text of links. */
final class Links {

    private Links() {
    }

    static double density(Element el) {
        int total = el.text().length();
        if (total == 0) {
            return 0;
        }
        int linked = 0;
        for (Element a : el.select("a")) {
            linked += a.text().length();
        }
        return Math.min(1.0, (double) linked / total);
    }
}
