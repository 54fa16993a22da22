package io.newsradar.bench;

import io.newsradar.classify.Classifier;
import java.nio.file.Path;
import java.util.List;

/**
 * The classifier's heap footprint and load time: heap in use after a full collection, before and after loading it
 * and classifying the evaluation set at 3 KB per article once. Run it with {@code -Xmx256m} to prove it fits.
 */
public final class ClassifierFootprint {

    private ClassifierFootprint() {
    }

    public static void main(String[] args) {
        Path set = Path.of(args.length > 0 ? args[0] : "classify-service/src/test/resources/eval");
        List<BenchArticles.Article> articles = BenchArticles.of(set, 3000);
        long before = usedAfterGc();
        long started = System.nanoTime();
        Classifier classifier = Classifier.withDefaults();
        long loadMillis = (System.nanoTime() - started) / 1_000_000;
        for (BenchArticles.Article a : articles) {
            classifier.classify(a.title(), a.lead(), a.body(), a.lang());
        }
        long after = usedAfterGc();
        System.out.printf("classifier %s: loaded in %d ms, retains %.1f MB of heap (%d articles of %.0f bytes classified)%n",
                classifier.version(), loadMillis, (after - before) / 1048576.0, articles.size(), BenchArticles.averageBytes(articles));
        if (classifier.version().isEmpty()) {
            throw new IllegalStateException("unreachable: keeps the classifier reachable until measured");
        }
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
