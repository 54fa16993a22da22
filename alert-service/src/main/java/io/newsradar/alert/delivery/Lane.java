package io.newsradar.alert.delivery;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The deliveries to one receiver (scheme, host and port), one at a time, in the order they came, each retry at its
 * time. A receiver that is slow (up to the request timeout) or failing delays only its own lane.
 */
final class Lane implements AutoCloseable {

    private final ScheduledExecutorService executor;

    Lane(String endpoint) {
        this.executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "webhook " + endpoint);
            thread.setDaemon(true);
            return thread;
        });
    }

    void submit(Runnable attempt, Duration after) {
        executor.schedule(attempt, after.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
