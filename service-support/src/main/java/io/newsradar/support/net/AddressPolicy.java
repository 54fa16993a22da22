package io.newsradar.support.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Which addresses newsradar may connect to: public unicast ones only, so that a feed URL (or a redirect) cannot make
 * the service reach its own host, the cluster network or a cloud metadata service.
 *
 * <p>With {@code allowPrivateNetworks} (local use and tests) loopback, the RFC 1918 private networks, carrier-grade
 * NAT, unique local IPv6 and site-local IPv6 are allowed. Everything else listed here stays refused even then:
 * "this network" and the unspecified address, link-local (169.254/16, where cloud metadata services answer, and
 * fe80::/10), the metadata addresses of AWS (fd00:ec2::254) and Alibaba (100.100.100.200), multicast, broadcast,
 * reserved, documentation and benchmarking ranges. An IPv6 address that embeds an IPv4 one is judged by every IPv4
 * address it may carry ({@link IPv4Embeddings}: IPv4-mapped, SIIT, IPv4-compatible, NAT64 with its prefix lengths,
 * 6to4, Teredo, ISATAP) and refused when any of them is.
 * Hosts written as addresses in unusual spellings are read by {@link HostLiterals} first.
 *
 * <p>One policy for every outbound connection newsradar makes: ingest's feed and page fetches and alert-service's
 * webhooks. Each names its own setting, which a refusal repeats.
 */
public final class AddressPolicy {

    /** Tried in order, so a specific block comes before the wider one around it. */
    private static final List<Block> BLOCKS = List.of(
            always("0.0.0.0/8", "a \"this network\" address"),
            allowable("10.0.0.0/8", "a private network address"),
            always("100.100.100.200/32", "a cloud metadata address"),
            allowable("100.64.0.0/10", "a carrier-grade NAT address"),
            allowable("127.0.0.0/8", "a loopback address"),
            always("169.254.0.0/16", "a link-local address (where cloud metadata services answer)"),
            allowable("172.16.0.0/12", "a private network address"),
            always("192.0.0.0/24", "an IETF protocol address"),
            always("192.0.2.0/24", "a documentation address"),
            allowable("192.168.0.0/16", "a private network address"),
            always("198.18.0.0/15", "a benchmarking address"),
            always("198.51.100.0/24", "a documentation address"),
            always("203.0.113.0/24", "a documentation address"),
            always("224.0.0.0/4", "a multicast address"),
            always("255.255.255.255/32", "the broadcast address"),
            always("240.0.0.0/4", "a reserved address"),
            always("::/128", "the unspecified address"),
            allowable("::1/128", "a loopback address"),
            always("100::/64", "a discard-only address"),
            always("2001:db8::/32", "a documentation address"),
            always("fd00:ec2::254/128", "a cloud metadata address"),
            allowable("fc00::/7", "a unique local address"),
            always("fe80::/10", "a link-local address"),
            allowable("fec0::/10", "a site-local address"),
            always("ff00::/8", "a multicast address"));

    private final boolean allowPrivateNetworks;
    private final String allowSetting;

    /**
     * @param allowPrivateNetworks whether the allowable blocks (loopback, private networks) are allowed
     * @param allowSetting         the name of the setting that allows them, told in a refusal
     */
    public AddressPolicy(boolean allowPrivateNetworks, String allowSetting) {
        this.allowPrivateNetworks = allowPrivateNetworks;
        this.allowSetting = allowSetting;
    }

    /**
     * Why newsradar may not connect to this address, e.g. "10.0.0.5 is a private network address (set … to allow
     * it)", or {@code null} when it may.
     */
    public String refusal(InetAddress address) {
        String reason = reason(address);
        return reason == null ? null : address.getHostAddress() + " is " + reason;
    }

    /** "a private network address (set … to allow it)", or {@code null}. */
    private String reason(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address && !isUnspecifiedOrLoopback(bytes)) {
            List<Embedded> embedded = IPv4Embeddings.of(bytes);
            for (Embedded e : embedded) {
                if (e.unused()) {
                    continue;
                }
                String inner = reason(e.address());
                if (inner != null) {
                    return e.form() + " address of " + e.address().getHostAddress() + ", " + inner;
                }
            }
            if (!embedded.isEmpty()) {
                return null;
            }
        }
        for (Block block : BLOCKS) {
            if (block.contains(bytes)) {
                if (!block.allowable()) {
                    return block.what();
                }
                return allowPrivateNetworks ? null : block.what() + " (set " + allowSetting + " to allow it)";
            }
        }
        return null;
    }

    /** An IPv4 address read from inside an IPv6 one, and the name of the form it was read from. */
    record Embedded(InetAddress address, String form) {

        /** A reading at a place a prefix may leave empty: 0.x.x.x there means no IPv4 address was put there. */
        boolean unused() {
            return form.startsWith("a local-use NAT64") && address.getAddress()[0] == 0;
        }
    }

    private static boolean isUnspecifiedOrLoopback(byte[] b) {
        return zero(b, 0, 15) && (b[15] == 0 || b[15] == 1);
    }

    private static boolean zero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static Block always(String cidr, String what) {
        return Block.of(cidr, what, false);
    }

    private static Block allowable(String cidr, String what) {
        return Block.of(cidr, what, true);
    }

    /** A CIDR block; {@code allowable} blocks are allowed when private networks are. */
    private record Block(byte[] prefix, int bits, String what, boolean allowable) {

        static Block of(String cidr, String what, boolean allowable) {
            int slash = cidr.indexOf('/');
            byte[] prefix = literalBytes(cidr.substring(0, slash));
            return new Block(prefix, Integer.parseInt(cidr.substring(slash + 1)), what, allowable);
        }

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (prefix[full] & mask);
        }

        private static byte[] literalBytes(String address) {
            try {
                return InetAddress.getByName(address).getAddress(); // literals only: never looked up
            } catch (UnknownHostException e) {
                throw new IllegalStateException(address + " is not an address literal", e);
            }
        }
    }
}
