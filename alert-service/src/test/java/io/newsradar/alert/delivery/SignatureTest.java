package io.newsradar.alert.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The signature header is the HMAC-SHA256 of the body's bytes with the search's secret, as receivers recompute it. */
class SignatureTest {

    @Test
    void isTheHmacSha256OfTheBodyInLowerCaseHex() throws Exception {
        byte[] body = "{\"searchId\":\"labour-jp-vn\",\"text\":\"Thực tập sinh\"}".getBytes(StandardCharsets.UTF_8);
        String secret = "s3cret-ключ";

        // computed here independently of Signature
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));

        assertThat(Signature.of(body, secret)).isEqualTo(expected).matches("sha256=[0-9a-f]{64}");
    }

    @Test
    void matchesTheRfc4231TestVector() {
        // RFC 4231, test case 2: key "Jefe", data "what do ya want for nothing?"
        assertThat(Signature.of("what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII), "Jefe"))
                .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void changesWithOneByteOfTheBody() {
        assertThat(Signature.of("{\"a\":1}".getBytes(StandardCharsets.UTF_8), "k"))
                .isNotEqualTo(Signature.of("{\"a\":2}".getBytes(StandardCharsets.UTF_8), "k"));
    }
}
