package io.newsradar.ingest.extract;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Extracts pages on a few threads of its own, so that the threads that poll feeds only wait for a page, and never
 * longer than the extraction deadline: at most {@code concurrency} pages are extracted at once and {@code queue} more
 * wait; a page beyond that is refused at once, and a page not done by its deadline is cancelled (its extraction stops
 * at its next element). Either way the caller gets an {@link ExtractionDeadlineException} and publishes the feed's
 * own text for that item.
 */
public final class PageExtraction implements PageReader, AutoCloseable {

    private final ArticleExtractor extractor;
    private final ExtractionSettings settings;
    private final ThreadPoolExecutor pool;

    public PageExtraction(ArticleExtractor extractor) {
        this.extractor = extractor;
        this.settings = extractor.settings();
        BlockingQueue<Runnable> waiting = settings.queue() == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(settings.queue());
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(settings.concurrency(), settings.concurrency(), 30, TimeUnit.SECONDS, waiting, r -> {
            Thread t = new Thread(r, "page-extract-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public ExtractedArticle extract(URI pageUrl, byte[] html, String contentType) throws ExtractionException {
        long handedOver = System.nanoTime();
        Duration deadline = settings.deadline();
        Future<ExtractedArticle> result;
        try {
            result = pool.submit(() -> extractor.extract(pageUrl, html, contentType,
                    deadline.minusNanos(System.nanoTime() - handedOver)));
        } catch (RejectedExecutionException e) {
            throw new ExtractionDeadlineException(pageUrl + ": not extracted, " + settings.concurrency()
                    + " pages are being extracted and " + settings.queue() + " are waiting "
                    + "(newsradar.ingest.extract.concurrency and .queue)");
        }
        try {
            return result.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            throw new ExtractionDeadlineException(pageUrl + ": extraction did not end within its deadline of "
                    + deadline.toMillis() + " ms (" + html.length + " bytes; newsradar.ingest.extract.deadline)");
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new ExtractionDeadlineException(pageUrl + ": extraction abandoned, the poll was interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ExtractionException failure) {
                throw failure;
            }
            throw new ExtractionException(pageUrl + ": extraction failed: " + e.getCause(), e.getCause());
        }
    }

    /** Pages being extracted or waiting, for tests and health. */
    int inFlight() {
        return pool.getActiveCount() + pool.getQueue().size();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
