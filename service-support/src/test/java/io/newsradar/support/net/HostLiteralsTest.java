package io.newsradar.support.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostLiteralsTest {

    @ParameterizedTest(name = "{0}: {1} is {2}")
    @CsvSource(delimiter = '|', textBlock = """
            dotted decimal                | 127.0.0.1          | 127.0.0.1
            one decimal number            | 2130706433         | 127.0.0.1
            one hex number                | 0x7f000001         | 127.0.0.1
            upper-case hex                | 0X7F000001         | 127.0.0.1
            octal first part              | 0177.0.0.1         | 127.0.0.1
            one octal number              | 017700000001       | 127.0.0.1
            two parts                     | 127.1              | 127.0.0.1
            three parts                   | 127.0.1            | 127.0.0.1
            hex and decimal mixed         | 0x7f.0.0.0x1       | 127.0.0.1
            trailing dot                  | 127.0.0.1.         | 127.0.0.1
            metadata as one number        | 2852039166         | 169.254.169.254
            metadata in hex parts         | 0xa9.0xfe.0xa9.0xfe | 169.254.169.254
            zero                          | 0                  | 0.0.0.0
            public in dotted decimal      | 93.184.216.34      | 93.184.216.34
            IPv6 in brackets              | [::1]              | 0:0:0:0:0:0:0:1
            IPv6 without brackets         | 2606:4700::1111    | 2606:4700:0:0:0:0:0:1111
            """)
    void readsAHostWrittenAsAnAddressTheWayInetAtonDoes(String name, String host, String address) {
        assertThat(HostLiterals.parse(host).getHostAddress()).as(name).isEqualTo(address);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            a name                        | example.com
            a name with digits            | 1e100.net
            a name ending in a hex-like   | cafe.0xg1
            a name starting with a number | 123.example.com
            """)
    void leavesANameToBeLookedUp(String name, String host) {
        assertThat(HostLiterals.parse(host)).as(name).isNull();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            five parts                    | 1.2.3.4.5          | is not a valid IPv4 address
            a part too large              | 256.0.0.1          | 256 is too large
            a last part too large         | 1.2.65536          | 65536 is too large
            one number too large          | 4294967296         | 4294967296 is too large
            bad octal digit               | 08.0.0.1           | 08 is not a number
            a name ending in a number     | example.123        | is not a valid IPv4 address
            bad IPv6                      | [::zz]             | is not a valid IPv6 address
            """)
    void refusesAHostThatLooksLikeAnAddressButIsNotOne(String name, String host, String message) {
        assertThatThrownBy(() -> HostLiterals.parse(host)).as(name)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            http://example.vn/hook,             example.vn
            http://user:pw@127.1:8080/x,        127.1
            http://2130706433/,                 2130706433
            http://0x7f.1/,                     0x7f.1
            'http://[::1]:9000/',               '[::1]'
            http://a@b@10.0.0.1/,               10.0.0.1
            """)
    void readsTheHostAUriSpellsEvenWhereJavaNetGivesNone(String url, String host) {
        assertThat(HostLiterals.hostOf(java.net.URI.create(url))).isEqualTo(host);
    }
}
