package io.newsradar.ingest.parse;

import io.newsradar.ingest.encoding.DocumentCharset;
import java.util.Locale;

/** What a document is, told from its content type and its first markup before any parser sees it. */
enum DocumentKind {
    /** RSS, RDF or Atom, or XML that should be: ROME decides. */
    XML,
    /** A JSON document, read as a JSON Feed. */
    JSON,
    /** An HTML page, not a feed. */
    HTML,
    /** XML with a document type declaration, which is refused. */
    DOCTYPE;

    private static final int SNIFF_CHARS = 8192;

    /**
     * The kind of a document. The body decides when it begins with markup or a brace; the content type
     * ({@code application/feed+json}, {@code application/json}) only for a body that does neither.
     */
    static DocumentKind of(byte[] document, String contentType, DocumentCharset charset) {
        int start = charset.bomLength();
        String head = new String(document, start, Math.min(document.length - start, SNIFF_CHARS), charset.charset());
        int i = skipProlog(head);
        if (i < head.length() && (head.charAt(i) == '{' || head.charAt(i) == '[')) {
            return JSON;
        }
        if (i >= head.length() || head.charAt(i) != '<') {
            return isJsonType(contentType) ? JSON : XML;
        }
        String markup = head.substring(i, Math.min(head.length(), i + 20)).toLowerCase(Locale.ROOT);
        if (markup.startsWith("<!doctype")) {
            return markup.substring("<!doctype".length()).strip().startsWith("html") ? HTML : DOCTYPE;
        }
        return markup.matches("<html[\\s>/].*|<html") ? HTML : XML;
    }

    private static boolean isJsonType(String contentType) {
        if (contentType == null) {
            return false;
        }
        String mime = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return mime.equals("application/feed+json") || mime.equals("application/json");
    }

    /** The index of the first character after leading whitespace, processing instructions and comments. */
    private static int skipProlog(String s) {
        int i = 0;
        while (i < s.length()) {
            if (Character.isWhitespace(s.charAt(i)) || s.charAt(i) == '\uFEFF') {
                i++;
            } else if (s.startsWith("<?", i)) {
                i = after(s, "?>", i);
            } else if (s.startsWith("<!--", i)) {
                i = after(s, "-->", i);
            } else {
                return i;
            }
        }
        return i;
    }

    private static int after(String s, String end, int from) {
        int at = s.indexOf(end, from);
        return at < 0 ? s.length() : at + end.length();
    }
}
