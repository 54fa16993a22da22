package io.newsradar.index.stream;

import io.newsradar.contracts.Topics;
import io.newsradar.support.kafka.ReadToEndListener;
import io.newsradar.support.kafka.ReaderSettings;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.ApplicationContext;

/**
 * Re-indexes every record of {@code news.articles.classified}, from the beginning of each partition to where it
 * ended when the replay started, through the same indexer as the stream binding. It reads with the shared reader's
 * bounded read, without a consumer group, so the running service goes on with the live flow meanwhile; writes are
 * idempotent and versioned, so the document count does not change and no document goes back to an older revision.
 * Progress goes to {@code progress}.
 */
public final class Replay {

    /** What a replay did. */
    public record Result(long records, Duration took) {
    }

    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(2);

    private final ReaderSettings settings;
    private final ArticleBatchIndexer indexer;
    private final PrintStream progress;
    private final LongSupplier nanoTime;

    Replay(ReaderSettings settings, ArticleBatchIndexer indexer, PrintStream progress, LongSupplier nanoTime) {
        this.settings = settings;
        this.indexer = indexer;
        this.progress = progress;
        this.nanoTime = nanoTime;
    }

    /** A replay with the service's own indexer and brokers, in a context whose binding does not consume. */
    public static Replay of(ApplicationContext context, PrintStream progress) {
        String brokers = context.getEnvironment().getProperty("spring.cloud.stream.kafka.binder.brokers", "localhost:9092");
        return new Replay(settings(brokers), context.getBean(ArticleBatchIndexer.class), progress, System::nanoTime);
    }

    /** @param bootstrapServers the Kafka brokers, {@code host:port,…} */
    static ReaderSettings settings(String bootstrapServers) {
        return ReaderSettings.of(Topics.ARTICLES_CLASSIFIED, bootstrapServers, "replay")
                .clientId("index-service-replay")
                .config(Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500", ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000"));
    }

    public Result run() {
        long started = nanoTime.getAsLong();
        Progress read = new Progress(started);
        long done = settings.readToEnd(null, read);
        Duration took = Duration.ofNanos(nanoTime.getAsLong() - started);
        progress.printf("replay: done, %,d records re-indexed in %.1f s%n", done, took.toMillis() / 1000.0);
        return new Result(done, took);
    }

    /** Indexes each batch read and says how far the replay is, every {@link #PROGRESS_EVERY} and at the end. */
    private final class Progress implements ReadToEndListener {

        private final long started;
        private long total;
        private long done;
        private long lastReport;

        Progress(long started) {
            this.started = started;
            this.lastReport = started;
        }

        @Override
        public void starting(long records, int partitions) {
            if (partitions == 0) {
                throw new IllegalStateException("the topic " + Topics.ARTICLES_CLASSIFIED + " does not exist: nothing to replay");
            }
            total = records;
            progress.printf("replay: %,d records in %d partitions of %s%n", records, partitions, Topics.ARTICLES_CLASSIFIED);
        }

        @Override
        public void batch(List<ConsumerRecord<String, byte[]>> records, boolean last) {
            if (!records.isEmpty()) {
                List<byte[]> values = new ArrayList<>(records.size());
                records.forEach(record -> values.add(record.value()));
                indexer.index(values);
                done += values.size();
            }
            long now = nanoTime.getAsLong();
            if (now - lastReport >= PROGRESS_EVERY.toNanos() || last) {
                report(done, total, now - started);
                lastReport = now;
            }
        }
    }

    private void report(long done, long total, long elapsedNanos) {
        double seconds = Math.max(elapsedNanos / 1e9, 0.001);
        double rate = done / seconds;
        long left = total - done;
        String eta = rate > 0 && left > 0 ? String.format(", about %.0f s left", left / rate) : "";
        progress.printf("replay: %,d / %,d records (%d%%), %,.0f/s%s%n", done, total, total == 0 ? 100 : done * 100 / total, rate, eta);
    }
}
