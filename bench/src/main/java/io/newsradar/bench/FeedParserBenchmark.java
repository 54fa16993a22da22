package io.newsradar.bench;

import io.newsradar.ingest.parse.FeedParseException;
import io.newsradar.ingest.parse.FeedParser;
import io.newsradar.ingest.parse.ParsedFeed;
import io.newsradar.testsupport.RssFeed;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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
 * Feed documents parsed per second on one thread (ROME, markup reduced to text, NFC): an RSS 2.0 document of
 * {@code items} items with Vietnamese titles and HTML descriptions of about 400 characters. Items per second is
 * documents per second times {@code items}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
@Threads(1)
public class FeedParserBenchmark {

    @Param({"50"})
    int items;

    private final FeedParser parser = new FeedParser(Duration.ofSeconds(10));
    private final URI source = URI.create("https://tin.example.vn/rss/doi-ngoai.rss");
    private byte[] document;

    @Setup(Level.Trial)
    public void build() {
        RssFeed feed = RssFeed.channel("Tin Đối ngoại", "https://tin.example.vn/", "vi");
        for (int i = 0; i < items; i++) {
            feed.item("Bắc Giang và Gunma ký kết hợp tác đào tạo nghề lần thứ " + i,
                    "https://tin.example.vn/doi-ngoai/bac-giang-gunma-" + i + ".html",
                    "<p><img src=\"https://tin.example.vn/anh/" + i + ".jpg\"/>Đoàn công tác tỉnh <b>Bắc Giang</b> đã làm việc với "
                            + "chính quyền tỉnh Gunma về chương trình thực tập sinh, nhà ở và bảo hiểm cho người lao động; "
                            + "hai bên thống nhất mở thêm lớp tiếng Nhật tại trường cao đẳng nghề của tỉnh.</p>",
                    Instant.parse("2026-11-20T00:00:00Z").plusSeconds(600L * i));
        }
        document = feed.toXml().getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public ParsedFeed parseDocument() throws FeedParseException {
        return parser.parse(source, document, "application/rss+xml; charset=utf-8");
    }
}
