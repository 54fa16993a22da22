package io.newsradar.gateway.export;

import io.newsradar.gateway.search.ArticleView;
import java.util.List;

/**
 * The flat CSV form of an export: RFC 4180 (fields separated by {@code ,}, records ended by CRLF, a field holding a
 * {@code "}, {@code ,}, CR or LF enclosed in quotes with its quotes doubled), a header row, values of one list joined
 * by {@code ;}. A text field the feeds wrote (url, title, source, feed) that a spreadsheet would run as a formula, one
 * starting (after any spaces) with {@code =}, {@code +}, {@code -} or {@code @} or their full-width forms, or starting
 * with a tab, CR or LF, is written with a {@code '} in front, which spreadsheets show as text. The fields newsradar
 * made itself (id, language, date, codes) are written as they are; the NDJSON form keeps every value as it is.
 */
final class CsvRows {

    static final String HEADER = "id,url,title,source,feed,language,publishedAt,pair,countries,regions,topics\r\n";
    /** What a spreadsheet reads a formula from, in ASCII and in the full-width forms some normalise to ASCII. */
    private static final String FORMULA_STARTS = "=+-@\uFF1D\uFF0B\uFF0D\uFF20";
    /** Characters that end or split a cell in some importers, dangerous at the start of one. */
    private static final String CONTROL_STARTS = "\t\r\n";

    private CsvRows() {
    }

    /** The article as one CSV record, CRLF included. */
    static String row(ArticleView article) {
        StringBuilder row = new StringBuilder(256);
        plain(row, article.id()).append(',');
        field(row, article.url()).append(',');
        field(row, article.title()).append(',');
        field(row, article.source()).append(',');
        field(row, article.feedId()).append(',');
        plain(row, article.language()).append(',');
        plain(row, article.publishedAt() == null ? null : article.publishedAt().toString()).append(',');
        plain(row, article.pair()).append(',');
        plain(row, joined(article.countries())).append(',');
        plain(row, joined(article.regions())).append(',');
        plain(row, joined(article.topics()));
        return row.append("\r\n").toString();
    }

    /** A text the feeds wrote as one field: defused if a spreadsheet would read it as a formula, then quoted if it must be. */
    static StringBuilder field(StringBuilder out, String value) {
        if (value == null || value.isEmpty()) {
            return out;
        }
        return plain(out, readsAsFormula(value) ? "'" + value : value);
    }

    /**
     * A value of a shape newsradar checked (an id, a date, codes) as one field, as it is: an article id may start with
     * {@code -}, and a client resuming with {@code after=} needs it unchanged.
     */
    static StringBuilder plain(StringBuilder out, String text) {
        if (text == null || text.isEmpty()) {
            return out;
        }
        boolean quote = false;
        for (int i = 0; i < text.length() && !quote; i++) {
            char c = text.charAt(i);
            quote = c == '"' || c == ',' || c == '\r' || c == '\n';
        }
        if (!quote) {
            return out.append(text);
        }
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        return out.append('"');
    }

    static boolean readsAsFormula(String value) {
        if (CONTROL_STARTS.indexOf(value.charAt(0)) >= 0) {
            return true;
        }
        int i = 0;
        while (i < value.length() && Character.isSpaceChar(value.charAt(i))) {
            i++;
        }
        return i < value.length() && FORMULA_STARTS.indexOf(value.charAt(i)) >= 0;
    }

    private static String joined(List<String> values) {
        return values == null ? null : String.join(";", values);
    }
}
