package io.newsradar.ingest.fetch;

import io.newsradar.support.net.AddressPolicy;
import io.newsradar.support.net.HostLiterals;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.hc.client5.http.DnsResolver;

/**
 * Resolves a host once and hands HttpClient only addresses the {@link AddressPolicy} allows, so the connection goes
 * to the very address that was checked (no second lookup, no DNS-rebinding window).
 *
 * <p>A name is refused when <em>any</em> of its addresses is refused, rather than connecting to the allowed rest: a
 * public name that also resolves to a private address is either misconfigured or an attempt to reach inside.
 * Hosts written as addresses (including the numeric IPv4 spellings of {@link HostLiterals}) are never
 * looked up.
 */
final class CheckingDnsResolver implements DnsResolver {

    /** The lookup of a name; the system resolver in production. */
    @FunctionalInterface
    interface Lookup {
        InetAddress[] addresses(String host) throws UnknownHostException;
    }

    private final AddressPolicy policy;
    private final Lookup lookup;

    CheckingDnsResolver(AddressPolicy policy) {
        this(policy, InetAddress::getAllByName);
    }

    CheckingDnsResolver(AddressPolicy policy, Lookup lookup) {
        this.policy = policy;
        this.lookup = lookup;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress literal;
        try {
            literal = HostLiterals.parse(host);
        } catch (IllegalArgumentException e) {
            throw new AddressRefusedException(e.getMessage());
        }
        InetAddress[] addresses = literal != null ? new InetAddress[] {literal} : lookup.addresses(host);
        List<String> refusals = Arrays.stream(addresses).map(policy::refusal).filter(Objects::nonNull).toList();
        if (!refusals.isEmpty()) {
            throw new AddressRefusedException(literal != null ? refusals.get(0)
                    : host + " resolves to " + Arrays.stream(addresses).map(InetAddress::getHostAddress)
                            .collect(Collectors.joining(", ")) + "; " + String.join("; ", refusals));
        }
        return addresses;
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        return Arrays.stream(resolve(host)).map(address -> new InetSocketAddress(address, port)).toList();
    }

    /** Only used for Kerberos service names, which newsradar does not use: the host as given, no lookup. */
    @Override
    public String resolveCanonicalHostname(String host) {
        return host;
    }

    /** The policy refused the addresses of a host; the message says which and why. */
    static final class AddressRefusedException extends UnknownHostException {

        private static final long serialVersionUID = 1L;

        AddressRefusedException(String reason) {
            super(reason);
        }
    }
}
