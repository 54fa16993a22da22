package io.newsradar.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsradar.support.net.AddressPolicy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckingDnsResolverTest {

    private static final Map<String, String[]> DNS = Map.of(
            "news.example", new String[] {"93.184.216.34", "2606:4700::1111"},
            "rebind.example", new String[] {"93.184.216.34", "10.0.0.5"},
            "metadata.example", new String[] {"169.254.169.254"},
            "intranet.example", new String[] {"192.168.1.10"});

    @Test
    void returnsEveryAddressOfANameWhenAllArePublic() throws Exception {
        CheckingDnsResolver resolver = new CheckingDnsResolver(new AddressPolicy(false, FetchSettings.ALLOW_PRIVATE_NETWORKS), CheckingDnsResolverTest::lookUp);

        InetAddress[] addresses = resolver.resolve("news.example");

        assertThat(addresses).extracting(InetAddress::getHostAddress).containsExactly("93.184.216.34", "2606:4700:0:0:0:0:0:1111");
    }

    @Test
    void refusesANameWhenAnyOfItsAddressesIsPrivateAndSaysWhich() {
        CheckingDnsResolver resolver = new CheckingDnsResolver(new AddressPolicy(false, FetchSettings.ALLOW_PRIVATE_NETWORKS), CheckingDnsResolverTest::lookUp);

        assertThatThrownBy(() -> resolver.resolve("rebind.example"))
                .isInstanceOf(CheckingDnsResolver.AddressRefusedException.class)
                .hasMessage("rebind.example resolves to 93.184.216.34, 10.0.0.5; 10.0.0.5 is a private network address "
                        + "(set newsradar.ingest.fetch.allow-private-networks to allow it)");
    }

    @Test
    void allowsAPrivateNameOnlyWhenPrivateNetworksAreAllowed() throws Exception {
        CheckingDnsResolver refusing = new CheckingDnsResolver(new AddressPolicy(false, FetchSettings.ALLOW_PRIVATE_NETWORKS), CheckingDnsResolverTest::lookUp);
        CheckingDnsResolver allowing = new CheckingDnsResolver(new AddressPolicy(true, FetchSettings.ALLOW_PRIVATE_NETWORKS), CheckingDnsResolverTest::lookUp);

        assertThatThrownBy(() -> refusing.resolve("intranet.example")).hasMessageContaining("192.168.1.10 is a private network address");
        assertThat(allowing.resolve("intranet.example")).extracting(InetAddress::getHostAddress).containsExactly("192.168.1.10");
    }

    @Test
    void refusesANameResolvingToTheMetadataAddressEvenWithPrivateNetworksAllowed() {
        CheckingDnsResolver resolver = new CheckingDnsResolver(new AddressPolicy(true, FetchSettings.ALLOW_PRIVATE_NETWORKS), CheckingDnsResolverTest::lookUp);

        assertThatThrownBy(() -> resolver.resolve("metadata.example"))
                .isInstanceOf(CheckingDnsResolver.AddressRefusedException.class)
                .hasMessage("metadata.example resolves to 169.254.169.254; 169.254.169.254 is a link-local address "
                        + "(where cloud metadata services answer)");
    }

    @Test
    void neverLooksUpAHostWrittenAsAnAddressInAnySpelling() throws Exception {
        CheckingDnsResolver resolver = new CheckingDnsResolver(new AddressPolicy(false, FetchSettings.ALLOW_PRIVATE_NETWORKS), host -> {
            throw new AssertionError("looked up " + host);
        });

        assertThat(resolver.resolve("93.184.216.34")).extracting(InetAddress::getHostAddress).containsExactly("93.184.216.34");
        assertThatThrownBy(() -> resolver.resolve("0x7f000001")).hasMessageStartingWith("127.0.0.1 is a loopback address");
        assertThatThrownBy(() -> resolver.resolve("256.0.0.1")).hasMessageContaining("is not a valid IPv4 address");
    }

    @Test
    void givesSocketAddressesOnTheRequestedPort() throws Exception {
        CheckingDnsResolver resolver = new CheckingDnsResolver(new AddressPolicy(false, FetchSettings.ALLOW_PRIVATE_NETWORKS), CheckingDnsResolverTest::lookUp);

        assertThat(resolver.resolve("news.example", 8443)).extracting(InetSocketAddress::getPort).containsExactly(8443, 8443);
    }

    private static InetAddress[] lookUp(String host) throws UnknownHostException {
        String[] addresses = DNS.get(host);
        if (addresses == null) {
            throw new UnknownHostException(host);
        }
        InetAddress[] result = new InetAddress[addresses.length];
        for (int i = 0; i < addresses.length; i++) {
            result[i] = InetAddress.getByName(addresses[i]); // literals: no lookup
        }
        return result;
    }
}
