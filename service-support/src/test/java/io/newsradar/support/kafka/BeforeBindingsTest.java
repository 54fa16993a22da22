package io.newsradar.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.context.SmartLifecycle;

class BeforeBindingsTest {

    @Test
    void runsItsStepOnStartInPhaseZeroAndIsRunningOnlyAfterIt() {
        AtomicInteger runs = new AtomicInteger();
        SmartLifecycle step = BeforeBindings.run(runs::incrementAndGet);

        assertThat(step.getPhase()).isZero();
        assertThat(step.isRunning()).isFalse();
        step.start();
        assertThat(runs).hasValue(1);
        assertThat(step.isRunning()).isTrue();
        step.stop();
        assertThat(step.isRunning()).isFalse();
    }

    @Test
    void aStepThatFailsStopsTheStartWithItsReasonAndIsNotRunning() {
        SmartLifecycle step = BeforeBindings.run(() -> {
            throw new IllegalStateException("news.stories cannot be read");
        });

        assertThatThrownBy(step::start).hasMessage("news.stories cannot be read");
        assertThat(step.isRunning()).isFalse();
    }
}
