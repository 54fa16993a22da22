package io.newsradar.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A local HTTP server on loopback that serves feeds and article pages to tests, and lets a test change what it
 * serves between polls: new content, a new ETag, an error status, a redirect, a slow, dripping, compressed or huge
 * body.
 *
 * <pre>{@code
 * try (FeedServer server = FeedServer.start()) {
 *     server.route("/vi.xml").body("application/rss+xml", rss).etag("\"v1\"");
 *     // poll server.url("/vi.xml") …
 *     server.route("/vi.xml").status(503);
 * }
 * }</pre>
 */
public final class FeedServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "feed-server");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final Map<String, List<Request>> requests = new ConcurrentHashMap<>();

    private FeedServer(HttpServer server) {
        this.server = server;
    }

    /** Starts a server on a free loopback port. */
    public static FeedServer start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            FeedServer feedServer = new FeedServer(http);
            http.createContext("/", feedServer::handle);
            http.setExecutor(feedServer.executor);
            http.start();
            return feedServer;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the feed server", e);
        }
    }

    /** The absolute URL of a path on this server. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The route serving a path, created on first use answering 404. */
    public Route route(String path) {
        return routes.computeIfAbsent(path, p -> new Route());
    }

    /** The requests this path received, oldest first. */
    public List<Request> requests(String path) {
        return List.copyOf(requests.getOrDefault(path, List.of()));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Request request = new Request(exchange.getRequestMethod(), path,
                exchange.getRequestHeaders().getFirst("User-Agent"),
                exchange.getRequestHeaders().getFirst("If-None-Match"),
                exchange.getRequestHeaders().getFirst("If-Modified-Since"),
                exchange.getRequestHeaders().getFirst("Accept"),
                exchange.getRequestHeaders().getFirst("Accept-Encoding"));
        requests.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(request);
        try (exchange) {
            Route route = routes.get(path);
            if (route == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            route.respond(exchange, request);
        }
    }

    /** What a path received: enough to check that a client is polite. */
    public record Request(String method, String path, String userAgent, String ifNoneMatch, String ifModifiedSince,
            String accept, String acceptEncoding) {
    }

    /** These bytes compressed with gzip. */
    public static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** These bytes compressed with deflate: zlib-wrapped as HTTP says, or raw as some servers send it. */
    public static byte[] deflate(byte[] bytes, boolean raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, raw);
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(out, deflater)) {
            deflate.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
        }
        return out.toByteArray();
    }

    /** A gzip bomb: this many zero bytes, compressed (about a thousandth of the size). */
    public static byte[] gzipOfZeros(long decodedBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] zeros = new byte[1024 * 1024];
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 64 * 1024)) {
            for (long left = decodedBytes; left > 0; left -= zeros.length) {
                gzip.write(zeros, 0, (int) Math.min(zeros.length, left));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** What one path answers. Every setter takes effect on the next request. */
    public static final class Route {

        private volatile int status = 404;
        private volatile String contentType = "text/plain";
        private volatile byte[] body = new byte[0];
        private volatile long hugeBodyBytes = -1;
        private volatile String etag;
        private volatile Instant lastModified;
        private volatile Duration delay = Duration.ZERO;
        private volatile Duration dripPerByte;
        private volatile String contentEncoding;
        private final Map<String, String> headers = new ConcurrentHashMap<>();

        /** Answers 200 with this body. */
        public Route body(String contentType, String body) {
            return body(contentType, body.getBytes(StandardCharsets.UTF_8));
        }

        /** Answers 200 with these bytes, as they are (for documents in other encodings). */
        public Route body(String contentType, byte[] body) {
            this.contentType = contentType;
            this.body = body.clone();
            this.hugeBodyBytes = -1;
            this.dripPerByte = null;
            this.contentEncoding = null;
            this.status = 200;
            return this;
        }

        /**
         * Answers 200 with these bytes sent as they are under this Content-Encoding: a body compressed with
         * {@link FeedServer#gzip} or {@link FeedServer#deflate}, or a {@linkplain FeedServer#gzipOfZeros gzip bomb}.
         */
        public Route encodedBody(String contentType, byte[] encoded, String contentEncoding) {
            body(contentType, encoded);
            this.contentEncoding = contentEncoding;
            return this;
        }

        /** Answers 200 with these bytes, one at a time, waiting this long before each: a server that drips. */
        public Route drip(String contentType, byte[] body, Duration perByte) {
            body(contentType, body);
            this.dripPerByte = perByte;
            return this;
        }

        /** Answers this redirect status with this Location. */
        public Route redirect(int status, String location) {
            headers.put("Location", location);
            this.status = status;
            return this;
        }

        /** Answers with this status instead (the body stays for when the status is set back to 200). */
        public Route status(int status) {
            this.status = status;
            return this;
        }

        /** Sends this ETag and answers 304 to a request that already has it. {@code null} stops sending one. */
        public Route etag(String etag) {
            this.etag = etag;
            return this;
        }

        /** Sends this Last-Modified and answers 304 to a request that has it or later. */
        public Route lastModified(Instant lastModified) {
            this.lastModified = lastModified;
            return this;
        }

        /** Adds a response header, such as {@code Retry-After} or {@code Cache-Control}. */
        public Route header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** Waits this long before answering. */
        public Route delay(Duration delay) {
            this.delay = delay;
            return this;
        }

        /** Answers 200 with this many bytes of filler, streamed, to test size limits. */
        public Route hugeBody(String contentType, long bytes) {
            this.contentType = contentType;
            this.hugeBodyBytes = bytes;
            this.dripPerByte = null;
            this.contentEncoding = null;
            this.status = 200;
            return this;
        }

        private void respond(HttpExchange exchange, Request request) throws IOException {
            if (!delay.isZero()) {
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            String currentEtag = etag;
            Instant modified = lastModified;
            if (currentEtag != null) {
                exchange.getResponseHeaders().set("ETag", currentEtag);
            }
            if (modified != null) {
                exchange.getResponseHeaders().set("Last-Modified", httpDate(modified));
            }
            if (status == 200 && notModified(request, currentEtag, modified)) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            if (status != 200) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", contentType);
            if (contentEncoding != null) {
                exchange.getResponseHeaders().set("Content-Encoding", contentEncoding);
            }
            if (hugeBodyBytes >= 0) {
                streamFiller(exchange, hugeBodyBytes);
                return;
            }
            byte[] bytes = body;
            Duration perByte = dripPerByte;
            if (perByte != null) {
                drip(exchange, bytes, perByte);
                return;
            }
            boolean head = request.method().equals("HEAD");
            exchange.sendResponseHeaders(200, head ? -1 : (bytes.length == 0 ? -1 : bytes.length));
            if (!head && bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }

        private static boolean notModified(Request request, String etag, Instant modified) {
            if (etag != null && request.ifNoneMatch() != null) {
                return Arrays.stream(request.ifNoneMatch().split(",")).map(String::trim).anyMatch(etag::equals);
            }
            if (modified != null && request.ifModifiedSince() != null) {
                try {
                    Instant since = Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(request.ifModifiedSince()));
                    return !modified.isAfter(since);
                } catch (DateTimeParseException e) {
                    return false;
                }
            }
            return false;
        }

        private static void streamFiller(HttpExchange exchange, long bytes) throws IOException {
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) ' ');
            try (OutputStream out = exchange.getResponseBody()) {
                for (long left = bytes; left > 0; left -= chunk.length) {
                    out.write(chunk, 0, (int) Math.min(chunk.length, left));
                }
            } catch (IOException e) {
                // the client hung up early, which is what a size limit does
            }
        }

        private static void drip(HttpExchange exchange, byte[] bytes, Duration perByte) throws IOException {
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                for (byte b : bytes) {
                    Thread.sleep(perByte.toMillis());
                    out.write(b);
                    out.flush();
                }
            } catch (IOException e) {
                // the client hung up, which is what a time limit does
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static String httpDate(Instant instant) {
            return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
        }
    }
}
