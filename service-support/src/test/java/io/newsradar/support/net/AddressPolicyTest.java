package io.newsradar.support.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressPolicyTest {

    private final AddressPolicy publicOnly = new AddressPolicy(false, "newsradar.ingest.fetch.allow-private-networks");
    private final AddressPolicy privateAllowed = new AddressPolicy(true, "newsradar.ingest.fetch.allow-private-networks");

    /**
     * Each address, what the default policy says of it, and what the policy says with private networks allowed
     * ("allowed", or a fragment of the reason it is refused).
     */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            public IPv4                   | 93.184.216.34            | allowed                         | allowed
            public IPv4, other            | 8.8.8.8                  | allowed                         | allowed
            public IPv6                   | 2606:4700::1111          | allowed                         | allowed
            public IPv6, other            | 2a00:1450:4001:82b::200e | allowed                         | allowed
            this network                  | 0.0.0.0                  | a "this network" address        | a "this network" address
            this network, other           | 0.1.2.3                  | a "this network" address        | a "this network" address
            loopback                      | 127.0.0.1                | a loopback address (set         | allowed
            loopback, top of range        | 127.255.255.254          | a loopback address              | allowed
            IPv6 loopback                 | ::1                      | a loopback address (set         | allowed
            IPv6 unspecified              | ::                       | the unspecified address         | the unspecified address
            private 10/8                  | 10.0.0.5                 | a private network address (set  | allowed
            private 172.16/12             | 172.16.0.1               | a private network address       | allowed
            private 172.16/12, top        | 172.31.255.255           | a private network address       | allowed
            just past 172.16/12           | 172.32.0.1               | allowed                         | allowed
            private 192.168/16            | 192.168.1.1              | a private network address       | allowed
            cloud metadata                | 169.254.169.254          | a link-local address            | a link-local address
            link-local                    | 169.254.1.1              | a link-local address            | a link-local address
            carrier-grade NAT             | 100.64.0.1               | a carrier-grade NAT address     | allowed
            carrier-grade NAT, top        | 100.127.255.255          | a carrier-grade NAT address     | allowed
            just past carrier-grade NAT   | 100.128.0.1              | allowed                         | allowed
            Alibaba metadata in CGNAT     | 100.100.100.200          | a cloud metadata address        | a cloud metadata address
            unique local                  | fc00::1                  | a unique local address (set     | allowed
            unique local fd               | fd12:3456::1             | a unique local address          | allowed
            AWS IPv6 metadata             | fd00:ec2::254            | a cloud metadata address        | a cloud metadata address
            IPv6 link-local               | fe80::1                  | a link-local address            | a link-local address
            IPv6 link-local, top          | febf::1                  | a link-local address            | a link-local address
            IPv6 site-local               | fec0::1                  | a site-local address            | allowed
            multicast                     | 224.0.0.1                | a multicast address             | a multicast address
            multicast, top                | 239.255.255.250          | a multicast address             | a multicast address
            IPv6 multicast                | ff02::1                  | a multicast address             | a multicast address
            broadcast                     | 255.255.255.255          | the broadcast address           | the broadcast address
            reserved                      | 240.0.0.1                | a reserved address              | a reserved address
            documentation                 | 192.0.2.10               | a documentation address         | a documentation address
            IPv6 documentation            | 2001:db8::1              | a documentation address         | a documentation address
            benchmarking                  | 198.18.0.1               | a benchmarking address          | a benchmarking address
            IETF protocol                 | 192.0.0.192              | an IETF protocol address        | an IETF protocol address
            IPv4-mapped loopback          | ::ffff:127.0.0.1         | 127.0.0.1 is a loopback address | allowed
            IPv4-mapped metadata          | ::ffff:169.254.169.254   | a link-local address            | a link-local address
            IPv4-mapped public            | ::ffff:93.184.216.34     | allowed                         | allowed
            IPv4-compatible loopback      | ::127.0.0.1              | an IPv4-compatible address of 127.0.0.1, a loopback address | allowed
            IPv4-compatible private       | ::10.0.0.1               | an IPv4-compatible address of 10.0.0.1, | allowed
            NAT64 of metadata             | 64:ff9b::a9fe:a9fe       | a NAT64 address of 169.254.169.254, a link-local | a link-local address
            NAT64 of loopback             | 64:ff9b::7f00:1          | a NAT64 address of 127.0.0.1 | allowed
            local-use NAT64 of private    | 64:ff9b:1::a00:5         | NAT64 (/96) address of 10.0.0.5 | allowed
            NAT64 of public               | 64:ff9b::5db8:d822       | allowed                         | allowed
            6to4 of loopback              | 2002:7f00:1::1           | a 6to4 address of 127.0.0.1 | allowed
            6to4 of public                | 2002:5db8:d822::1        | allowed                         | allowed
            SIIT of loopback              | ::ffff:0:127.0.0.1       | an SIIT IPv4-translated address of 127.0.0.1, a loopback | allowed
            SIIT of metadata              | ::ffff:0:a9fe:a9fe       | an SIIT IPv4-translated address of 169.254.169.254 | a link-local address
            SIIT of public                | ::ffff:0:5db8:d822       | allowed                         | allowed
            local-use NAT64 /48 of private| 64:ff9b:1:a00:0:500::    | a local-use NAT64 (/48) address of 10.0.0.5 | allowed
            local-use NAT64 /48 metadata  | 64:ff9b:1:a9fe:a9:fe00:: | a local-use NAT64 (/48) address of 169.254.169.254 | a link-local address
            local-use NAT64 /56 of loopback| 64:ff9b:1:7f:0:1::     | a local-use NAT64 (/56) address of 127.0.0.1 | allowed
            local-use NAT64 /64 of private| 64:ff9b:1:0:c0:a801:100:0 | a local-use NAT64 (/64) address of 192.168.1.1 | allowed
            local-use NAT64 of public     | 64:ff9b:1:5db8:d8:225d:5db8:d822 | allowed                 | allowed
            Teredo client of loopback     | 2001:0:5db8:d822::80ff:fffe | a Teredo client address of 127.0.0.1 | allowed
            Teredo client of metadata     | 2001:0:5db8:d822:0:0:5601:5601 | a Teredo client address of 169.254.169.254 | a link-local address
            Teredo server of private      | 2001:0:a00:1::a2:4bc7:22dd | a Teredo server address of 10.0.0.1 | allowed
            Teredo of public              | 2001:0:5db8:d822:0:0:a247:2ddd | allowed                     | allowed
            ISATAP of loopback            | 2606:4700::5efe:7f00:1   | an ISATAP address of 127.0.0.1  | allowed
            ISATAP, global bit, metadata  | 2606:4700::200:5efe:a9fe:a9fe | an ISATAP address of 169.254.169.254 | a link-local address
            ISATAP of public              | 2606:4700::5efe:5db8:d822 | allowed                        | allowed
            IPv4-compatible of metadata   | ::169.254.169.254        | an IPv4-compatible address of 169.254.169.254 | a link-local address
            6to4 of metadata              | 2002:a9fe:a9fe::1        | a 6to4 address of 169.254.169.254 | a link-local address
            NAT64 of private              | 64:ff9b::192.168.0.1     | a NAT64 address of 192.168.0.1  | allowed
            """)
    void judgesEachAddressWithAndWithoutPrivateNetworksAllowed(String name, String address, String byDefault,
            String withPrivateNetworks) throws Exception {
        // Given an address literal (parsed, never looked up)
        InetAddress parsed = InetAddress.getByName(address);

        // When each policy judges it
        String defaultRefusal = publicOnly.refusal(parsed);
        String privateRefusal = privateAllowed.refusal(parsed);

        // Then each says what the table says
        assertThat(verdict(defaultRefusal)).as("default policy on %s (%s): %s", address, name, defaultRefusal).contains(byDefault);
        assertThat(verdict(privateRefusal)).as("private networks allowed, on %s (%s): %s", address, name, privateRefusal)
                .contains(withPrivateNetworks);
        if (defaultRefusal != null) {
            assertThat(defaultRefusal).startsWith(parsed.getHostAddress() + " is ");
        }
    }

    private static String verdict(String refusal) {
        return refusal == null ? "allowed" : refusal;
    }
}
