package io.newsradar.ingest.parse;

import java.text.Normalizer;
import org.jsoup.Jsoup;

/** Reduces feed text to what a reader sees: markup removed, entities decoded, whitespace collapsed, NFC. */
final class VisibleText {

    private VisibleText() {
    }

    /** Text of a fragment that may hold markup or entities; never {@code null}. */
    static String ofHtml(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        return nfc(Jsoup.parse(html).text());
    }

    /** Text that is plain already (Atom {@code type="text"}, JSON Feed titles): only whitespace and NFC. */
    static String ofText(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        return nfc(text.replaceAll("\\s+", " ").trim());
    }

    /** Text of a value whose media type may say it is plain: {@code text}, {@code text/plain} or HTML otherwise. */
    static String of(String value, String type) {
        return type != null && (type.equalsIgnoreCase("text") || type.equalsIgnoreCase("text/plain"))
                ? ofText(value) : ofHtml(value);
    }

    /** The trimmed value in NFC, or {@code null} when blank. */
    static String orNull(String value) {
        return value == null || value.isBlank() ? null : nfc(value.trim());
    }

    /**
     * Composes base letters and combining marks (NFC). Windows-1258 writes many Vietnamese letters as a base letter and
     * a combining tone mark, so without this {@code Bắc Giang} read from it would not equal the UTF-8 spelling.
     */
    static String nfc(String text) {
        return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
    }
}
