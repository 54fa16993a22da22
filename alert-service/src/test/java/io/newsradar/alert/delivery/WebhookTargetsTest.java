package io.newsradar.alert.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Webhooks go to public addresses only, however the address is written or whatever a name resolves to. */
class WebhookTargetsTest {

    private static final Map<String, String> DNS = Map.of(
            "hooks.example.com", "93.184.215.14",
            "inside.example.com", "10.1.2.3",
            "metadata.example.com", "169.254.169.254",
            "v6-loopback.example.com", "::1");

    private final WebhookTargets publicOnly = new WebhookTargets(false, WebhookTargetsTest::lookUp);
    private final WebhookTargets privateAllowed = new WebhookTargets(true, WebhookTargetsTest::lookUp);

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "IPv4 loopback              | http://127.0.0.1:8080/hook        | 127.0.0.1 is a loopback address",
            "IPv6 loopback              | http://[::1]/hook                 | is a loopback address",
            "private network            | https://10.0.0.5/hook             | 10.0.0.5 is a private network address",
            "private network 192.168    | https://192.168.1.20/hook         | is a private network address",
            "link-local IPv4            | http://169.254.169.254/latest     | a link-local address",
            "link-local IPv6            | http://[fe80::1]/hook             | is a link-local address",
            "IPv4-mapped loopback       | http://[::ffff:127.0.0.1]/hook    | a loopback address",
            "IPv4-mapped private        | http://[::ffff:10.0.0.1]/hook     | a private network address",
            "unique local IPv6          | http://[fd12:3456::1]/hook        | is a unique local address",
            "decimal IPv4               | http://2130706433/hook            | host 2130706433 is 127.0.0.1 written as a number",
            "hexadecimal IPv4           | http://0x7f000001/hook            | host 0x7f000001 is 127.0.0.1 written as a number",
            "octal IPv4                 | http://0177.0.0.1/hook            | is 127.0.0.1 written as a number",
            "short IPv4                 | http://127.1/hook                 | host 127.1 is 127.0.0.1 written as a number",
            "a name resolving inside    | https://inside.example.com/hook   | inside.example.com resolves to an address newsradar may not post to: 10.1.2.3 is a private network address",
            "a name resolving to ::1    | https://v6-loopback.example.com/  | 0:0:0:0:0:0:0:1 is a loopback address"})
    void refusesAddressesInsideTheNetwork(String name, String url, String reason) {
        assertThatThrownBy(() -> publicOnly.check(url)).as(name)
                .isInstanceOf(WebhookTargets.RefusedTargetException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void saysWhichSettingAllowsPrivateNetworks() {
        assertThatThrownBy(() -> publicOnly.check("http://127.0.0.1:9/"))
                .hasMessageContaining("(set newsradar.alert.delivery.allow-private-networks to allow it)");
    }

    @Test
    void allowsAPublicAddressAndAPublicName() throws Exception {
        assertThat(publicOnly.check("https://93.184.215.14/hook")).hasHost("93.184.215.14");
        assertThat(publicOnly.check("https://hooks.example.com/services/T0/B0")).hasHost("hooks.example.com");
    }

    @Test
    void allowsLoopbackAndPrivateNetworksOnlyWhenSetAndNeverLinkLocal() throws Exception {
        assertThat(privateAllowed.check("http://127.0.0.1:8080/hook")).hasPort(8080);
        assertThat(privateAllowed.check("http://[::1]:8080/hook")).hasPort(8080);
        assertThat(privateAllowed.check("https://inside.example.com/hook")).hasHost("inside.example.com");
        assertThatThrownBy(() -> privateAllowed.check("http://169.254.169.254/latest")).hasMessageContaining("link-local");
        assertThatThrownBy(() -> privateAllowed.check("https://metadata.example.com/")).hasMessageContaining("link-local");
        assertThatThrownBy(() -> privateAllowed.check("http://2130706433/")).hasMessageContaining("only in dotted decimal");
    }

    @Test
    void refusesSchemesOtherThanHttp() {
        assertThatThrownBy(() -> publicOnly.check("ftp://hooks.example.com/")).hasMessageContaining("not an http or https URL");
        assertThatThrownBy(() -> publicOnly.check("file:///etc/passwd")).hasMessageContaining("not an http or https URL");
    }

    private static InetAddress[] lookUp(String host) throws UnknownHostException {
        String address = DNS.get(host);
        if (address == null) {
            throw new UnknownHostException(host);
        }
        return new InetAddress[] {InetAddress.getByName(address)};
    }
}
