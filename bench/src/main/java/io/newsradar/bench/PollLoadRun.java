package io.newsradar.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsradar.contracts.FeedSpec;
import io.newsradar.contracts.FeedState;
import io.newsradar.ingest.extract.ArticleExtractor;
import io.newsradar.ingest.fetch.FeedFetcher;
import io.newsradar.ingest.fetch.FetchSettings;
import io.newsradar.ingest.parse.FeedParser;
import io.newsradar.ingest.schedule.FeedPoller;
import io.newsradar.ingest.schedule.FeedScheduler;
import io.newsradar.ingest.schedule.IngestMetrics;
import io.newsradar.ingest.schedule.ItemPublisher;
import io.newsradar.ingest.schedule.PollTiming;
import io.newsradar.testsupport.FeedServer;
import io.newsradar.testsupport.RssFeed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Feeds polled per minute: ingest's scheduler, poller and fetcher, as the service wires them, polling N feeds on a
 * loopback feed server for a while. Every feed has an ETag, so most polls are conditional GETs answered 304; every
 * {@code changeEvery}-th second one feed in ten gets a new item (a full fetch, a parse and a publish to a counter).
 *
 * <pre>java -cp bench/target/classes:$(cat bench/target/classpath.txt) io.newsradar.bench.PollLoadRun 2000 60 16</pre>
 *
 * Arguments: feeds (2,000), seconds measured (60), concurrent polls (16). Target: 1,000 feeds/min on 2 cores.
 */
public final class PollLoadRun {

    private PollLoadRun() {
    }

    public static void main(String[] args) throws Exception {
        int feeds = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        AtomicLong articles = new AtomicLong();
        try (FeedServer server = FeedServer.start();
                FeedFetcher fetcher = new FeedFetcher(new FetchSettings("newsradar-bench/1", Duration.ofSeconds(5),
                        Duration.ofSeconds(10), Duration.ofSeconds(20), 10 << 20, 20 << 20, 5, true, concurrency, concurrency * 2))) {
            RssFeed[] documents = new RssFeed[feeds];
            for (int i = 0; i < feeds; i++) {
                documents[i] = RssFeed.channel("Feed " + i, "https://bench.example/" + i + "/", "en");
                for (int j = 0; j < 20; j++) {
                    addItem(documents[i], i, j);
                }
                server.route("/f" + i + ".xml").body("application/rss+xml", documents[i].toXml()).etag("\"" + i + "-20\"");
            }
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            IngestMetrics metrics = new IngestMetrics(meters);
            Clock clock = Clock.systemUTC();
            // Every feed due again one second after its poll: the load is bounded by how fast polls run, not by timing.
            PollTiming timing = new PollTiming(new PollTiming.Settings(Duration.ofSeconds(1), Duration.ofSeconds(1),
                    Duration.ofSeconds(1), 0, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)), new Random(1));
            ItemPublisher items = new ItemPublisher(fetcher, new ArticleExtractor(), a -> articles.incrementAndGet(), metrics, clock, 100);
            FeedPoller poller = new FeedPoller(fetcher, new FeedParser(Duration.ofSeconds(10)), items, timing, metrics, clock);
            ExecutorService workers = Executors.newFixedThreadPool(concurrency);
            FeedScheduler scheduler = new FeedScheduler(poller, state -> { }, workers, clock, Duration.ofMinutes(15));
            for (int i = 0; i < feeds; i++) {
                scheduler.assign(FeedSpec.of("f" + i, server.url("/f" + i + ".xml"), "en"), FeedState.initial("f" + i));
            }

            System.out.printf("%d feeds of 20 items on %s, %d concurrent polls; first poll of every feed (warm-up)…%n",
                    feeds, server.url("/"), concurrency);
            runUntil(scheduler, () -> allPolled(scheduler, feeds), Duration.ofMinutes(5));
            long warmArticles = articles.get();
            double startPolls = polls(meters);
            double startNotModified = meters.counter("newsradar.ingest.polls", "outcome", "not_modified").count();
            long startArticles = articles.get();
            Instant start = Instant.now();
            Random random = new Random(42);
            int[] itemCount = new int[feeds];
            Arrays.fill(itemCount, 20);
            Instant nextChange = start;
            long added = 0;
            while (Instant.now().isBefore(start.plusSeconds(seconds))) {
                if (!Instant.now().isBefore(nextChange)) {
                    for (int k = 0; k < feeds / 10; k++) {
                        int i = random.nextInt(feeds);
                        addItem(documents[i], i, itemCount[i]++);
                        added++;
                        server.route("/f" + i + ".xml").body("application/rss+xml", documents[i].toXml()).etag("\"" + i + "-" + itemCount[i] + "\"");
                    }
                    nextChange = nextChange.plusSeconds(5);
                }
                scheduler.pollDueFeeds();
                Thread.sleep(50);
            }
            double elapsed = Duration.between(start, Instant.now()).toMillis() / 1000.0;
            double polled = polls(meters) - startPolls;
            double notModified = meters.counter("newsradar.ingest.polls", "outcome", "not_modified").count() - startNotModified;
            long addedItems = added;
            runUntil(scheduler, () -> articles.get() - startArticles >= addedItems, Duration.ofSeconds(30));
            workers.shutdownNow();
            System.out.printf("warm-up published %d articles%n", warmArticles);
            System.out.printf("measured %.0f s: %.0f polls = %,.0f feeds polled/min; %.1f %% answered 304; %d items added, "
                    + "%d published; fetch mean %.1f ms%n", elapsed, polled, polled / elapsed * 60, 100 * notModified / polled,
                    added, articles.get() - startArticles, meters.get("newsradar.ingest.fetch").timers().stream()
                            .mapToDouble(t -> t.mean(TimeUnit.MILLISECONDS)).average().orElse(0));
        }
    }

    private static void addItem(RssFeed feed, int i, int j) {
        feed.item("Feed " + i + " story " + j + ": Vietnam and Japan widen the intern programme",
                "https://bench.example/" + i + "/story-" + j,
                "Officials from Bắc Giang and Gunma met to discuss training, wages and housing for interns.",
                Instant.parse("2026-11-20T00:00:00Z").plusSeconds(60L * j));
    }

    private static boolean allPolled(FeedScheduler scheduler, int feeds) {
        for (int i = 0; i < feeds; i++) {
            if (scheduler.state("f" + i).lastOutcome() == null) {
                return false;
            }
        }
        return true;
    }

    private static double polls(SimpleMeterRegistry meters) {
        return meters.find("newsradar.ingest.polls").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private static void runUntil(FeedScheduler scheduler, BooleanSupplier done, Duration limit)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (!done.getAsBoolean() && Instant.now().isBefore(deadline)) {
            scheduler.pollDueFeeds();
            Thread.sleep(50);
        }
    }
}
