package io.newsradar.support.kafka;

import org.springframework.context.SmartLifecycle;

/**
 * A step a stage runs once on start, before its bindings consume (a lifecycle of phase 0 starts before the binders'
 * containers): index-service installs its template and alias, story-service reads its window back. A step that throws
 * stops the start-up with its reason.
 */
public final class BeforeBindings implements SmartLifecycle {

    private final Runnable step;
    private volatile boolean running;

    private BeforeBindings(Runnable step) {
        this.step = step;
    }

    /** The lifecycle that runs {@code step} once when the context starts. */
    public static SmartLifecycle run(Runnable step) {
        return new BeforeBindings(step);
    }

    @Override
    public void start() {
        step.run();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return 0;
    }
}
