package io.newsradar.support.net;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reads a URL host written as an address, in any of the spellings a resolver would accept, without a lookup. */
public final class HostLiterals {

    private static final Pattern NUMBER = Pattern.compile("0[xX][0-9a-fA-F]*|[0-9]+");
    private static final BigInteger MAX_IPV4 = BigInteger.valueOf(0xFFFF_FFFFL);

    private HostLiterals() {
    }

    /**
     * The host of a URL; java.net.URI gives none for hosts such as "127.1" or "2130706433" that are neither a valid
     * name nor dotted IPv4, so those are read from the authority, to be judged as the address they spell. {@code null}
     * when the URL has no host at all.
     */
    public static String hostOf(URI url) {
        if (url.getHost() != null && !url.getHost().isEmpty()) {
            return url.getHost();
        }
        String authority = url.getRawAuthority();
        if (authority == null) {
            return null;
        }
        String host = authority.substring(authority.lastIndexOf('@') + 1);
        int colon = host.lastIndexOf(':');
        if (colon >= 0 && host.indexOf(']') < colon) {
            host = host.substring(0, colon);
        }
        return host.isEmpty() ? null : host;
    }

    /**
     * The address a URL host denotes when it is written as an address: IPv6 (in brackets or not) or IPv4 in any
     * spelling {@code inet_aton} accepts ({@code 2130706433}, {@code 0x7f000001}, {@code 0177.0.0.1},
     * {@code 127.1}); {@code null} when the host is a name to look up. As in browsers, a host whose last label is a
     * number is an IPv4 address and nothing else.
     *
     * @throws IllegalArgumentException when the host looks like an address but is not a valid one
     */
    public static InetAddress parse(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.indexOf(':') >= 0) {
            return ipv6(h);
        }
        String[] parts = (h.endsWith(".") ? h.substring(0, h.length() - 1) : h).split("\\.", -1);
        if (!NUMBER.matcher(parts[parts.length - 1]).matches()) {
            return null;
        }
        return ipv4(h, parts);
    }

    private static InetAddress ipv6(String host) {
        try {
            return InetAddress.getByName(host); // an IPv6 literal: parsed, never looked up
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(host + " is not a valid IPv6 address", e);
        }
    }

    /** inet_aton: 1 to 4 parts, each decimal, octal (leading 0) or hex (0x); the last part fills the remaining bytes. */
    private static InetAddress ipv4(String host, String[] parts) {
        if (parts.length > 4 || !Arrays.stream(parts).allMatch(p -> NUMBER.matcher(p).matches())) {
            throw new IllegalArgumentException(host + " is not a valid IPv4 address");
        }
        long value = 0;
        for (int i = 0; i < parts.length; i++) {
            BigInteger part = number(host, parts[i]);
            boolean last = i == parts.length - 1;
            BigInteger max = last ? MAX_IPV4.shiftRight(8 * (parts.length - 1)) : BigInteger.valueOf(255);
            if (part.compareTo(max) > 0) {
                throw new IllegalArgumentException(host + " is not a valid IPv4 address: " + parts[i] + " is too large");
            }
            value = last ? value << (8 * (5 - parts.length)) | part.longValue() : value << 8 | part.longValue();
        }
        byte[] bytes = {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    private static BigInteger number(String host, String part) {
        String p = part.toLowerCase(Locale.ROOT);
        try {
            if (p.startsWith("0x")) {
                return p.length() == 2 ? BigInteger.ZERO : new BigInteger(p.substring(2), 16);
            }
            return p.length() > 1 && p.startsWith("0") ? new BigInteger(p.substring(1), 8) : new BigInteger(p);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(host + " is not a valid IPv4 address: " + part + " is not a number", e);
        }
    }

}
