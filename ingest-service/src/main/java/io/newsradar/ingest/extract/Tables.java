package io.newsradar.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;

/**
 * Data tables read as a reader reads them, a row a line: a table of short cells (no cell past {@link #MAX_CELL_CHARS}
 * characters, no table or paragraph inside) becomes one paragraph per row, its cells separated by spaces. Layout
 * tables, whose cells hold the prose of the page, are left alone for {@link Candidates#wrapLooseText}.
 */
final class Tables {

    static final int MAX_CELL_CHARS = 100;

    private Tables() {
    }

    static void flattenDataTables(Element body, Budget budget) {
        for (Element table : body.getElementsByTag("table")) {
            budget.check();
            if (isData(table)) {
                List<String> rows = new ArrayList<>();
                for (Element row : table.getElementsByTag("tr")) {
                    String line = String.join(" ", row.children().eachText()).strip();
                    if (!line.isEmpty()) {
                        rows.add(line);
                    }
                }
                Element replacement = new Element("div");
                rows.forEach(line -> replacement.appendElement("p").text(line));
                table.replaceWith(replacement);
            }
        }
    }

    private static boolean isData(Element table) {
        if (table.parent() == null || !table.select("table table, p, div, ul, ol").isEmpty()) {
            return false;
        }
        for (Element cell : table.select("td, th")) {
            if (cell.text().length() > MAX_CELL_CHARS) {
                return false;
            }
        }
        return table.getElementsByTag("tr").size() >= 2;
    }
}
