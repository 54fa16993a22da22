package io.newsradar.bench;

import io.newsradar.classify.Classification;
import io.newsradar.classify.Classifier;
import io.newsradar.classify.text.FoldedArticle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Classifier throughput on one thread, over articles of about 3 KB in Vietnamese, English and French built from the
 * evaluation set (so the names and topic phrases are as dense as in real stories). Target: 20,000 articles/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
@Threads(1)
public class ClassifierBenchmark {

    @Param({"3000"})
    int articleBytes;

    @Param({"classify-service/src/test/resources/eval"})
    String evaluationSet;

    private Classifier classifier;
    private List<BenchArticles.Article> articles;
    private int next;

    @Setup(Level.Trial)
    public void load() throws IOException {
        classifier = Classifier.withDefaults();
        articles = BenchArticles.of(Path.of(evaluationSet), articleBytes);
    }

    /**
     * The floor under any classifier: reading the same article once, character by character, to fold it for
     * matching. What this machine gives here bounds what {@link #classifyOne} can reach.
     */
    @Benchmark
    public FoldedArticle foldOnly() {
        BenchArticles.Article a = articles.get(next);
        next = next + 1 == articles.size() ? 0 : next + 1;
        return FoldedArticle.of(a.title(), a.lead(), a.body());
    }

    @Benchmark
    public Classification classifyOne() {
        BenchArticles.Article a = articles.get(next);
        next = next + 1 == articles.size() ? 0 : next + 1;
        return classifier.classify(a.title(), a.lead(), a.body(), a.lang());
    }
}
