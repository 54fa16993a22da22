package io.newsradar.ingest.parse;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;

/**
 * A streaming pass over an XML document that counts how deeply its elements nest, before any parser builds a tree:
 * ROME and JDOM walk trees recursively, and a document nested some thousands of levels deep overflows their stack.
 * Linear in the document, with constant memory; tolerant of markup that is not well-formed (the parser judges that),
 * it never counts less deep than the document is: comments, CDATA sections, processing instructions and declarations
 * are skipped, quoted attribute values too, and {@code <a/>} opens nothing.
 */
final class XmlDepth {

    private static final int BUFFER = 8192;

    private final Reader in;
    private final char[] buffer = new char[BUFFER];
    private int length;
    private int position;
    private long line = 1;
    private long column;

    private XmlDepth(Reader in) {
        this.in = in;
    }

    /**
     * Reads the document to its end and fails at the first element nested deeper than {@code limit}.
     *
     * @throws FeedParseException naming the depth limit and the line and column of the element past it
     */
    static void check(URI source, Reader document, int limit) throws FeedParseException, IOException {
        new XmlDepth(document).scan(source, limit);
    }

    private void scan(URI source, int limit) throws FeedParseException, IOException {
        int depth = 0;
        for (int c = read(); c >= 0; c = read()) {
            if (c != '<') {
                continue;
            }
            long atLine = line;
            long atColumn = column;
            int next = read();
            if (next == '/') {
                depth = Math.max(0, depth - 1);
                skipPast(">");
            } else if (next == '?') {
                skipPast("?>");
            } else if (next == '!') {
                skipMarkupDeclaration();
            } else if (isNameStart(next) && !skipTagSelfClosing() && ++depth > limit) {
                throw new FeedParseException(source + " nests its elements more than " + limit + " deep (at line "
                        + atLine + ", column " + atColumn + "); newsradar reads feeds nested at most " + limit
                        + " levels deep (newsradar.ingest.max-xml-depth)");
            }
        }
    }

    /** After {@code <!}: a comment, a CDATA section or a declaration. */
    private void skipMarkupDeclaration() throws IOException {
        int c = read();
        if (c == '-') {
            read();
            skipPast("-->");
        } else if (c == '[') {
            skipPast("]]>");
        } else if (c >= 0 && c != '>') {
            skipPast(">");
        }
    }

    /** Reads the rest of a start tag; whether it closed itself ({@code />}). */
    private boolean skipTagSelfClosing() throws IOException {
        int previous = 0;
        for (int c = read(); c >= 0; c = read()) {
            if (c == '>') {
                return previous == '/';
            }
            if (c == '"' || c == '\'') {
                skipPast(c == '"' ? "\"" : "'");
            }
            previous = c;
        }
        return true;
    }

    /** Reads up to and including the first occurrence of {@code end} (at most three characters). */
    private void skipPast(String end) throws IOException {
        int n = end.length();
        char[] last = new char[n];
        long seen = 0;
        for (int c = read(); c >= 0; c = read()) {
            last[(int) (seen++ % n)] = (char) c;
            if (seen >= n && endsWith(last, seen, end)) {
                return;
            }
        }
    }

    private static boolean endsWith(char[] ring, long seen, String end) {
        int n = end.length();
        for (int i = 0; i < n; i++) {
            if (ring[(int) ((seen - n + i) % n)] != end.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNameStart(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':' || c >= 0x80;
    }

    private int read() throws IOException {
        if (position == length) {
            length = in.read(buffer, 0, BUFFER);
            position = 0;
            if (length <= 0) {
                length = 0;
                return -1;
            }
        }
        char c = buffer[position++];
        if (c == '\n') {
            line++;
            column = 0;
        } else {
            column++;
        }
        return c;
    }
}
