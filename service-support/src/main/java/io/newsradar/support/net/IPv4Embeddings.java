package io.newsradar.support.net;

import io.newsradar.support.net.AddressPolicy.Embedded;
import java.net.Inet4Address;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Every IPv4 address an IPv6 address may carry, so that the IPv4 rules cannot be passed by writing the address in
 * IPv6. A translator, tunnel or relay on the way may turn each of these into a connection to the IPv4 address.
 *
 * <ul>
 * <li>IPv4-mapped {@code ::ffff:0:0/96} and IPv4-compatible {@code ::/96} (deprecated): the last 32 bits;</li>
 * <li>SIIT IPv4-translated {@code ::ffff:0:0:0/96} (RFC 2765): the last 32 bits;</li>
 * <li>NAT64 well-known {@code 64:ff9b::/96} (RFC 6052): the last 32 bits;</li>
 * <li>NAT64 local-use {@code 64:ff9b:1::/48} (RFC 8215): the operator picks the prefix length, so the address is read
 * at each place RFC 6052 allows for a prefix of 48 bits or longer (/48, /56, /64, /96), skipping bits 64–71;</li>
 * <li>6to4 {@code 2002::/16} (RFC 3056): bits 16–47;</li>
 * <li>Teredo {@code 2001::/32} (RFC 4380): the server in bits 32–63 and the client, inverted, in the last 32 bits;</li>
 * <li>ISATAP, any prefix with the interface identifier {@code 0:5efe} or {@code 200:5efe} (RFC 5214): the last 32 bits.</li>
 * </ul>
 *
 * Network-specific NAT64 prefixes and 6rd prefixes are chosen by each operator and cannot be recognised from outside.
 */
final class IPv4Embeddings {

    private IPv4Embeddings() {
    }

    /** The IPv4 addresses the 16 bytes of an IPv6 address may carry; empty when it carries none. */
    static List<Embedded> of(byte[] b) {
        List<Embedded> found = new ArrayList<>();
        if (zero(b, 0, 10) && u(b, 10) == 0xff && u(b, 11) == 0xff) {
            found.add(at(b, 12, "an IPv4-mapped"));
        } else if (zero(b, 0, 12)) {
            found.add(at(b, 12, "an IPv4-compatible"));
        } else if (zero(b, 0, 8) && u(b, 8) == 0xff && u(b, 9) == 0xff && zero(b, 10, 12)) {
            found.add(at(b, 12, "an SIIT IPv4-translated"));
        } else if (word(b, 0) == 0x0064 && word(b, 2) == 0xff9b && zero(b, 4, 12)) {
            found.add(at(b, 12, "a NAT64"));
        } else if (word(b, 0) == 0x0064 && word(b, 2) == 0xff9b && word(b, 4) == 0x0001) {
            found.add(ipv4(new byte[] {b[6], b[7], b[9], b[10]}, "a local-use NAT64 (/48)"));
            found.add(ipv4(new byte[] {b[7], b[9], b[10], b[11]}, "a local-use NAT64 (/56)"));
            found.add(ipv4(new byte[] {b[9], b[10], b[11], b[12]}, "a local-use NAT64 (/64)"));
            found.add(at(b, 12, "a local-use NAT64 (/96)"));
        } else if (word(b, 0) == 0x2002) {
            found.add(at(b, 2, "a 6to4"));
        } else if (word(b, 0) == 0x2001 && word(b, 2) == 0x0000) {
            found.add(at(b, 4, "a Teredo server"));
            found.add(ipv4(new byte[] {(byte) ~b[12], (byte) ~b[13], (byte) ~b[14], (byte) ~b[15]}, "a Teredo client"));
        }
        if ((u(b, 8) & 0xfd) == 0 && u(b, 9) == 0 && u(b, 10) == 0x5e && u(b, 11) == 0xfe) {
            found.add(at(b, 12, "an ISATAP"));
        }
        return found;
    }

    private static Embedded at(byte[] b, int from, String form) {
        return ipv4(new byte[] {b[from], b[from + 1], b[from + 2], b[from + 3]}, form);
    }

    private static Embedded ipv4(byte[] four, String form) {
        try {
            return new Embedded(Inet4Address.getByAddress(four), form);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    private static int u(byte[] b, int i) {
        return b[i] & 0xff;
    }

    private static int word(byte[] b, int i) {
        return u(b, i) << 8 | u(b, i + 1);
    }

    static boolean zero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
