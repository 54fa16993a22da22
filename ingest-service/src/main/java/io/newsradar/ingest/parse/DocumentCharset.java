package io.newsradar.ingest.parse;

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
 * The character encoding of an XML or HTML document, decided as RFC 7303 (which obsoletes RFC 3023) orders it: a byte
 * order mark, then the HTTP {@code charset} parameter, then the XML declaration's {@code encoding}, then UTF-8 when the
 * bytes are valid UTF-8 and windows-1252 when they are not. A label naming ISO-8859-1 is read as windows-1252, its
 * superset for printable characters (as browsers do); a US-ASCII label or one Java does not know is passed over.
 *
 * @param charset    the encoding to decode with
 * @param bomLength  how many leading bytes are a byte order mark, to skip
 * @param reason     where the encoding came from, for error messages and tests
 */
record DocumentCharset(Charset charset, int bomLength, String reason) {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Pattern CHARSET_PARAM = Pattern.compile("(?i);\\s*charset\\s*=\\s*[\"']?([^\"';\\s]+)");
    private static final Pattern PROLOG_ENCODING =
            Pattern.compile("^<\\?xml[^>]*?\\sencoding\\s*=\\s*[\"']([A-Za-z][A-Za-z0-9._:-]*)[\"']");
    private static final int PROLOG_LIMIT = 512;

    static DocumentCharset of(byte[] document, String contentType) {
        DocumentCharset bom = byteOrderMark(document);
        if (bom != null) {
            return bom;
        }
        Charset header = contentType == null ? null : label(CHARSET_PARAM.matcher(contentType));
        if (header != null) {
            return new DocumentCharset(header, 0, "HTTP charset");
        }
        if (startsWith(document, 0x00, 0x3C, 0x00, 0x3F)) {
            return new DocumentCharset(StandardCharsets.UTF_16BE, 0, "UTF-16BE without BOM");
        }
        if (startsWith(document, 0x3C, 0x00, 0x3F, 0x00)) {
            return new DocumentCharset(StandardCharsets.UTF_16LE, 0, "UTF-16LE without BOM");
        }
        String prolog = new String(document, 0, Math.min(document.length, PROLOG_LIMIT), StandardCharsets.ISO_8859_1);
        Charset declared = label(PROLOG_ENCODING.matcher(prolog));
        if (declared != null) {
            return new DocumentCharset(declared, 0, "XML declaration");
        }
        return isUtf8(document)
                ? new DocumentCharset(StandardCharsets.UTF_8, 0, "default UTF-8")
                : new DocumentCharset(WINDOWS_1252, 0, "not UTF-8, so windows-1252");
    }

    private static DocumentCharset byteOrderMark(byte[] d) {
        if (startsWith(d, 0xEF, 0xBB, 0xBF)) {
            return new DocumentCharset(StandardCharsets.UTF_8, 3, "BOM");
        }
        if (startsWith(d, 0xFE, 0xFF)) {
            return new DocumentCharset(StandardCharsets.UTF_16BE, 2, "BOM");
        }
        if (startsWith(d, 0xFF, 0xFE)) {
            return new DocumentCharset(StandardCharsets.UTF_16LE, 2, "BOM");
        }
        return null;
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
