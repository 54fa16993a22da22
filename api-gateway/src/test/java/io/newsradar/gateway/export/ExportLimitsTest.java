package io.newsradar.gateway.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class ExportLimitsTest {

    @Test
    void aKeyPastItsCapIsRefusedWith429NamingTheCapWhileOtherKeysGoOn() {
        ExportLimits limits = new ExportLimits(10, 2);
        limits.acquire("alice");
        limits.acquire("alice");

        assertThatThrownBy(() -> limits.acquire("alice")).isInstanceOfSatisfying(ExportLimits.LimitReached.class, e -> {
            assertThat(e.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
            assertThat(e.limit()).isEqualTo(2);
            assertThat(e.getMessage()).contains("'alice'", "2 exports", "newsradar.gateway.export.max-per-key");
        });
        limits.acquire("bob");
        assertThat(limits.running()).isEqualTo(3);
    }

    @Test
    void theGatewayPastItsCapIsRefusedWith503() {
        ExportLimits limits = new ExportLimits(2, 2);
        limits.acquire("alice");
        limits.acquire("bob");

        assertThatThrownBy(() -> limits.acquire("carol")).isInstanceOfSatisfying(ExportLimits.LimitReached.class,
                e -> assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));
        assertThat(limits.running()).isEqualTo(2);
    }

    @Test
    void aPermitGivenBackTwiceFreesOnePlace() {
        ExportLimits limits = new ExportLimits(10, 1);
        ExportLimits.Permit permit = limits.acquire("alice");

        permit.release();
        permit.release();

        limits.acquire("alice");
        assertThatThrownBy(() -> limits.acquire("alice")).isInstanceOf(ExportLimits.LimitReached.class);
        assertThat(limits.running()).isEqualTo(1);
    }
}
