package io.newsradar.ingest.encoding;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The character encoding of a fetched document, feed or page alike, decided in one order (WHATWG's encoding
 * sniffing, which RFC 7303 shares for XML): a byte order mark, then the HTTP {@code charset} parameter, then the
 * document's own label (the XML declaration's {@code encoding} for a feed; a {@code <meta charset>} or
 * {@code http-equiv} in the first 1,024 bytes for a page), then UTF-8 when the bytes are valid UTF-8 and windows-1252
 * when they are not. A label naming ISO-8859-1 is read as windows-1252, its superset for printable characters (as
 * browsers do); a US-ASCII label or one Java does not know is passed over, and a page's meta label naming UTF-16 is
 * read as UTF-8 (bytes that could be read to find it are not UTF-16).
 *
 * @param charset   the encoding to decode with
 * @param bomLength how many leading bytes are a byte order mark, to skip
 * @param reason    where the encoding came from, for error messages and tests
 */
public record DocumentCharset(Charset charset, int bomLength, String reason) {

    /** The reason of an encoding taken from a byte order mark. */
    public static final String BOM = "BOM";
    /** The reason of an encoding taken from the HTTP {@code charset} parameter. */
    public static final String HTTP_CHARSET = "HTTP charset";
    /** The reason of an encoding taken from a page's {@code <meta>}. */
    public static final String META = "meta charset";

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Pattern CHARSET_PARAM = Pattern.compile("(?i);\\s*charset\\s*=\\s*[\"']?([^\"';\\s]+)");
    private static final Pattern PROLOG_ENCODING =
            Pattern.compile("^<\\?xml[^>]*?\\sencoding\\s*=\\s*[\"']([A-Za-z][A-Za-z0-9._:-]*)[\"']");
    private static final Pattern META_CHARSET =
            Pattern.compile("(?i)<meta\\s[^>]*?charset\\s*=\\s*[\"']?\\s*([A-Za-z][A-Za-z0-9._:-]*)");
    private static final int PROLOG_LIMIT = 512;
    /** How far into a page its meta label is looked for (WHATWG's prescan). */
    private static final int PRESCAN_LIMIT = 1024;

    /** The encoding of a feed document (XML or JSON). */
    public static DocumentCharset ofFeed(byte[] document, String contentType) {
        DocumentCharset outside = bomOrHeader(document, contentType);
        if (outside != null) {
            return outside;
        }
        if (startsWith(document, 0x00, 0x3C, 0x00, 0x3F)) {
            return new DocumentCharset(StandardCharsets.UTF_16BE, 0, "UTF-16BE without BOM");
        }
        if (startsWith(document, 0x3C, 0x00, 0x3F, 0x00)) {
            return new DocumentCharset(StandardCharsets.UTF_16LE, 0, "UTF-16LE without BOM");
        }
        Charset declared = label(PROLOG_ENCODING.matcher(head(document, PROLOG_LIMIT)));
        if (declared != null) {
            return new DocumentCharset(declared, 0, "XML declaration");
        }
        return byContent(document);
    }

    /** The encoding of an HTML page. */
    public static DocumentCharset ofPage(byte[] document, String contentType) {
        DocumentCharset outside = bomOrHeader(document, contentType);
        if (outside != null) {
            return outside;
        }
        Charset meta = label(META_CHARSET.matcher(head(document, PRESCAN_LIMIT)));
        if (meta != null) {
            boolean utf16 = meta.equals(StandardCharsets.UTF_16) || meta.equals(StandardCharsets.UTF_16BE)
                    || meta.equals(StandardCharsets.UTF_16LE);
            return new DocumentCharset(utf16 ? StandardCharsets.UTF_8 : meta, 0, META);
        }
        return byContent(document);
    }

    /** The first {@code length} bytes of the document (at most), as text, its byte order mark skipped. */
    public String decode(byte[] document, int length) {
        int end = Math.min(length, document.length);
        int start = Math.min(bomLength, end);
        return new String(document, start, end - start, charset);
    }

    private static DocumentCharset bomOrHeader(byte[] document, String contentType) {
        DocumentCharset bom = byteOrderMark(document);
        if (bom != null) {
            return bom;
        }
        Charset header = contentType == null ? null : label(CHARSET_PARAM.matcher(contentType));
        return header == null ? null : new DocumentCharset(header, 0, HTTP_CHARSET);
    }

    private static DocumentCharset byContent(byte[] document) {
        return isUtf8(document)
                ? new DocumentCharset(StandardCharsets.UTF_8, 0, "default UTF-8")
                : new DocumentCharset(WINDOWS_1252, 0, "not UTF-8, so windows-1252");
    }

    private static DocumentCharset byteOrderMark(byte[] d) {
        if (startsWith(d, 0xEF, 0xBB, 0xBF)) {
            return new DocumentCharset(StandardCharsets.UTF_8, 3, BOM);
        }
        if (startsWith(d, 0xFE, 0xFF)) {
            return new DocumentCharset(StandardCharsets.UTF_16BE, 2, BOM);
        }
        if (startsWith(d, 0xFF, 0xFE)) {
            return new DocumentCharset(StandardCharsets.UTF_16LE, 2, BOM);
        }
        return null;
    }

    private static String head(byte[] document, int limit) {
        return new String(document, 0, Math.min(document.length, limit), StandardCharsets.ISO_8859_1);
    }

    private static Charset label(Matcher m) {
        if (!m.find()) {
            return null;
        }
        String name = m.group(1).toLowerCase(Locale.ROOT);
        if (name.equals("iso-8859-1") || name.equals("latin1") || name.equals("iso8859-1") || name.equals("l1")) {
            return WINDOWS_1252;
        }
        try {
            Charset charset = Charset.forName(name);
            return charset.equals(StandardCharsets.US_ASCII) ? null : charset;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean startsWith(byte[] d, int... prefix) {
        if (d.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((d[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether the bytes are valid UTF-8, checked in chunks so no copy of the whole document is made. */
    static boolean isUtf8(byte[] document) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(document);
        CharBuffer out = CharBuffer.allocate(8192);
        try {
            while (true) {
                CoderResult result = decoder.decode(in, out, true);
                if (result.isError()) {
                    result.throwException();
                }
                if (result.isUnderflow()) {
                    return decoder.flush(out).isUnderflow();
                }
                out.clear();
            }
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
