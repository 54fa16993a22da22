package io.newsradar.bench;

import io.newsradar.contracts.ArticleId;
import io.newsradar.contracts.ClassifiedArticle;
import io.newsradar.contracts.RawArticle;
import io.newsradar.contracts.Topics;
import io.newsradar.gateway.GatewayApplication;
import io.newsradar.gateway.security.ApiKeys;
import io.newsradar.testsupport.TestServers;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Live streams under load: {@code clients} server-sent-event streams held open on api-gateway over loopback, while
 * classified articles are produced to {@code news.articles.classified} at {@code rate} per second for
 * {@code seconds}. Reports delivery latency from the moment an article is handed to Kafka to the moment a client has
 * read it (p50, p99, max, over every delivery), deliveries missing, gaps, and the heap this JVM holds with every
 * stream open (gateway and clients together, after a full collection: an upper bound for the gateway).
 *
 * <p>Everything runs on the one machine: the real Kafka broker (KRaft, in this JVM), the real Elasticsearch node
 * (the gateway needs one to start), api-gateway in this JVM, and the clients on one NIO selector thread.
 *
 * <pre>java -Xmx512m -cp bench/target/classes:$(cat bench/target/classpath.txt) io.newsradar.bench.StreamLoadRun 2000 5 30</pre>
 */
public final class StreamLoadRun {

    private static final String API_KEY = "bench-stream-key";
    private static final byte[] MARK = "\"title\":\"sb:".getBytes(StandardCharsets.ISO_8859_1);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StreamLoadRun() {
    }

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        String kafka = TestServers.kafka().bootstrapServers();
        try (ConfigurableApplicationContext gateway = GatewayApplication.application().run(
                "--spring.elasticsearch.uris=" + TestServers.elasticsearch().url(), "--server.port=0",
                "--logging.level.root=WARN", "--newsradar.gateway.kafka.bootstrap-servers=" + kafka,
                "--newsradar.gateway.api-keys[0].name=bench", "--newsradar.gateway.api-keys[0].sha256=" + ApiKeys.sha256(API_KEY),
                "--newsradar.gateway.rate-limit.requests-per-second=100000", "--newsradar.gateway.rate-limit.burst=100000",
                "--newsradar.gateway.live.max-streams=" + (clients + 10),
                "--newsradar.gateway.live.max-streams-per-key=" + (clients + 10));
                KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                        ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new ByteArraySerializer())) {
            int port = Integer.parseInt(gateway.getEnvironment().getProperty("local.server.port", "8080"));
            long baseline = heapAfterGc();
            Clients streams = new Clients(port, clients, rate * seconds);
            Thread reader = new Thread(streams::run, "sse-clients");
            reader.setDaemon(true);
            reader.start();
            streams.awaitOpen();
            Thread.sleep(2000);
            long withStreams = heapAfterGc();
            System.out.printf("%,d streams open; heap after a full collection: %,d MB idle, %,d MB with the streams open (+%,d KB a stream)%n",
                    streams.open.get(), baseline >> 20, withStreams >> 20, (withStreams - baseline) / 1024 / Math.max(1, streams.open.get()));

            List<ClassifiedArticle> stories = BenchArticles.classified();
            long interval = 1_000_000_000L / rate;
            long next = System.nanoTime();
            for (int i = 0; i < rate * seconds; i++) {
                while (System.nanoTime() < next) {
                    Thread.sleep(1);
                }
                next += interval;
                byte[] value = JSON.writeValueAsBytes(article(stories.get(i % stories.size()), i, System.nanoTime()));
                ClassifiedArticle sent = JSON.readValue(value, ClassifiedArticle.class);
                producer.send(new ProducerRecord<>(Topics.ARTICLES_CLASSIFIED, sent.article().articleId(), value));
            }
            producer.flush();
            long deadline = System.nanoTime() + 15_000_000_000L;
            while (streams.deliveries.get() < (long) clients * rate * seconds && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            long peak = heapAfterGc();
            streams.report(clients, rate * seconds);
            System.out.printf("heap after the run, streams still open: %,d MB%n", peak >> 20);
        }
        System.exit(0);
    }

    /** A story of the evaluation set as a new article, its title carrying the time it is handed to Kafka. */
    private static ClassifiedArticle article(ClassifiedArticle story, int n, long sentNanos) {
        RawArticle a = story.article();
        String url = "https://bench.example/stream/" + n + "-" + sentNanos;
        Instant now = Instant.now();
        RawArticle raw = new RawArticle(1, ArticleId.ofUrl(url), url, null, "bench-stream", "newsradar bench", a.language(),
                "sb:" + sentNanos + ": " + a.title(), a.lead(), "", List.of(), now, now);
        return new ClassifiedArticle(1, raw, story.classifierVersion(), now, story.language(), story.pair(),
                story.countries(), story.regions(), story.topics());
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Every client on one selector: open the stream, then find each article's send time in what arrives. */
    private static final class Clients {

        private final int port;
        private final int count;
        private final Selector selector;
        private final long[] latencyMicros;
        private final AtomicInteger latencies = new AtomicInteger();
        final AtomicInteger open = new AtomicInteger();
        final AtomicLong deliveries = new AtomicLong();
        final AtomicInteger gaps = new AtomicInteger();

        Clients(int port, int count, int articles) throws IOException {
            this.port = port;
            this.count = count;
            this.selector = Selector.open();
            this.latencyMicros = new long[count * articles];
        }

        void awaitOpen() throws InterruptedException {
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (open.get() < count && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        }

        void run() {
            try {
                byte[] request = ("GET /api/v1/stream?api_key=" + API_KEY + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Accept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
                for (int i = 0; i < count; i++) {
                    SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
                    channel.write(ByteBuffer.wrap(request));
                    channel.configureBlocking(false);
                    channel.register(selector, SelectionKey.OP_READ, new Stream());
                }
                ByteBuffer buffer = ByteBuffer.allocateDirect(256 * 1024);
                byte[] bytes = new byte[buffer.capacity()];
                while (true) {
                    selector.select(1000);
                    long now = System.nanoTime();
                    for (SelectionKey key : selector.selectedKeys()) {
                        buffer.clear();
                        int read = ((SocketChannel) key.channel()).read(buffer);
                        if (read < 0) {
                            key.cancel();
                            continue;
                        }
                        buffer.flip();
                        buffer.get(bytes, 0, read);
                        ((Stream) key.attachment()).consume(bytes, read, now);
                    }
                    selector.selectedKeys().clear();
                }
            } catch (IOException e) {
                System.out.println("the clients stopped: " + e);
            }
        }

        void report(int clients, int articles) {
            int n = latencies.get();
            long[] sorted = Arrays.copyOf(latencyMicros, Math.min(n, latencyMicros.length));
            Arrays.sort(sorted);
            long expected = (long) clients * articles;
            System.out.printf("%,d clients × %,d articles: %,d deliveries (%,d missing), %d gaps; Kafka → client p50 %.1f ms, "
                            + "p99 %.1f ms, max %.1f ms%n", clients, articles, deliveries.get(), expected - deliveries.get(),
                    gaps.get(), at(sorted, 50) / 1000.0, at(sorted, 99) / 1000.0,
                    sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1000.0);
        }

        private static long at(long[] sorted, int p) {
            return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
        }

        /** What one connection has read: the start of a mark cut off at the end of the last read is kept. */
        private final class Stream {
            private final byte[] carry = new byte[64];
            private int carried;
            private boolean counted;

            void consume(byte[] bytes, int length, long now) {
                byte[] data = bytes;
                int size = length;
                if (carried > 0) {
                    data = new byte[carried + length];
                    System.arraycopy(carry, 0, data, 0, carried);
                    System.arraycopy(bytes, 0, data, carried, length);
                    size = carried + length;
                    carried = 0;
                }
                if (!counted && contains(data, size, "200 OK".getBytes(StandardCharsets.US_ASCII))) {
                    counted = true;
                    open.incrementAndGet();
                }
                if (contains(data, size, "event:gap".getBytes(StandardCharsets.US_ASCII))) {
                    gaps.incrementAndGet();
                }
                int i = 0;
                while ((i = indexOf(data, size, MARK, i)) >= 0) {
                    int start = i + MARK.length;
                    int end = start;
                    while (end < size && data[end] >= '0' && data[end] <= '9') {
                        end++;
                    }
                    if (end == size) {
                        keep(data, i, size);
                        return;
                    }
                    long sent = Long.parseLong(new String(data, start, end - start, StandardCharsets.US_ASCII));
                    int slot = latencies.getAndIncrement();
                    if (slot < latencyMicros.length) {
                        latencyMicros[slot] = (now - sent) / 1000;
                    }
                    deliveries.incrementAndGet();
                    i = end;
                }
                keep(data, Math.max(0, size - MARK.length), size);
            }

            private void keep(byte[] data, int from, int size) {
                carried = Math.min(carry.length, size - from);
                System.arraycopy(data, size - carried, carry, 0, carried);
            }
        }

        private static boolean contains(byte[] data, int size, byte[] what) {
            return indexOf(data, size, what, 0) >= 0;
        }

        private static int indexOf(byte[] data, int size, byte[] what, int from) {
            outer:
            for (int i = from; i <= size - what.length; i++) {
                for (int j = 0; j < what.length; j++) {
                    if (data[i + j] != what[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}
