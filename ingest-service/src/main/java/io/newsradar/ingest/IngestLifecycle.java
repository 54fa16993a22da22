package io.newsradar.ingest;

import io.newsradar.ingest.feed.FeedOwnership;
import io.newsradar.ingest.feed.FeedSeeder;
import io.newsradar.ingest.schedule.FeedScheduler;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Start-up and shutdown in order: the configured feeds are written to the registry, the registry reader joins the
 * ingest group, and the scheduler ticks; on shutdown the ticks stop, the registry hands every feed back after its
 * poll in flight has saved its state, and the poll workers stop.
 */
class IngestLifecycle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IngestLifecycle.class);

    private final IngestProperties properties;
    private final FeedSeeder seeder;
    private final FeedOwnership registry;
    private final FeedScheduler scheduler;
    private final ExecutorService pollWorkers;
    private ScheduledExecutorService ticker;

    IngestLifecycle(IngestProperties properties, FeedSeeder seeder, FeedOwnership registry, FeedScheduler scheduler,
            ExecutorService pollWorkers) {
        this.properties = properties;
        this.seeder = seeder;
        this.registry = registry;
        this.scheduler = scheduler;
        this.pollWorkers = pollWorkers;
    }

    @Override
    public synchronized void start() {
        if (properties.registry().seedFromConfiguration() && !properties.feeds().isEmpty()) {
            seeder.put(properties.feeds());
            log.info("wrote {} configured feeds to news.feeds", properties.feeds().size());
        }
        registry.start();
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "feed-scheduler");
            t.setDaemon(true);
            return t;
        });
        long tick = properties.polling().schedulerTick().toMillis();
        ticker.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            scheduler.pollDueFeeds();
        } catch (Throwable e) {
            // An escaping Error would cancel every later tick.
            log.error("the poll scheduler's tick failed; it will tick again", e);
        }
    }

    @Override
    public synchronized void stop() {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
        registry.close();
        // Polls that outlived the release save nothing, but they must not run on into a closed producer and fetcher.
        pollWorkers.shutdown();
        try {
            if (!pollWorkers.awaitTermination(5, TimeUnit.SECONDS)) {
                pollWorkers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return ticker != null;
    }
}
