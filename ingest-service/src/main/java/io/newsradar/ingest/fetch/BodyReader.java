package io.newsradar.ingest.fetch;

import io.newsradar.ingest.system.Deadline;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * Reads a response body while streaming it: at most {@code maxWireBytes} from the wire, at most
 * {@code maxDecodedBytes} once gzip or deflate is undone, and nothing after the deadline. It never holds more than
 * the decoded limit in memory, so a body of 100 MB or a gzip bomb is cut off as soon as it passes a limit.
 */
final class BodyReader {

    private static final int CHUNK = 8192;
    /** The most content codings undone for one body: a server has no reason to compress twice, a bomb does. */
    static final int MAX_CODINGS = 2;

    private final long maxWireBytes;
    private final long maxDecodedBytes;
    private final String readTimeout;
    private final BytesInFlight inFlight;

    BodyReader(long maxWireBytes, long maxDecodedBytes, Duration readTimeout, BytesInFlight inFlight) {
        this.maxWireBytes = maxWireBytes;
        this.maxDecodedBytes = maxDecodedBytes;
        this.readTimeout = Deadline.seconds(readTimeout);
        this.inFlight = inFlight;
    }

    /**
     * @param contentEncoding the Content-Encoding header, or {@code null}
     * @param contentLength   the Content-Length header, or -1
     */
    byte[] read(URI url, InputStream body, String contentEncoding, long contentLength, Deadline deadline) throws FetchException {
        if (contentLength > maxWireBytes) {
            throw FetchException.refused(url + " is larger than the " + maxWireBytes + "-byte limit (Content-Length " + contentLength + ")");
        }
        List<String> codings = codings(url, contentEncoding);
        WireStream wire = new WireStream(url, body, deadline);
        try (InputStream decoded = decoder(wire, codings)) {
            byte[] bytes = readDecoded(url, decoded, codings);
            drain(wire);
            return bytes;
        } catch (Stop stop) {
            throw stop.failure;
        } catch (ZipException e) {
            throw FetchException.permanent(url + " sent a body that cannot be decoded (" + String.join(", ", codings) + "): " + e.getMessage());
        } catch (IOException e) {
            if (deadline.passed()) {
                throw FetchException.timedOut(url, deadline, "while reading the body (" + wire.count + " bytes read)");
            }
            if (e instanceof SocketTimeoutException) {
                throw FetchException.temporary(url + " sent nothing for " + readTimeout + " while sending the body (read timeout; "
                        + wire.count + " bytes read)", e);
            }
            String what = e instanceof EOFException ? "ended early" : "failed: " + e.getMessage();
            throw FetchException.temporary(url + ": the connection " + what + " while reading the body (" + wire.count + " bytes read)", e);
        }
    }

    private byte[] readDecoded(URI url, InputStream decoded, List<String> codings) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(maxDecodedBytes + 1, 64 * 1024));
        byte[] buffer = new byte[CHUNK];
        long total = 0;
        long reserved = 0;
        try {
            for (int n; (n = decoded.read(buffer)) != -1; ) {
                total += n;
                if (total > maxDecodedBytes) {
                    throw new Stop(FetchException.refused(url + " is larger than the " + maxDecodedBytes + "-byte limit"
                            + (codings.isEmpty() ? "" : " after decompression (" + String.join(", ", codings) + ")")));
                }
                if (total > reserved) {
                    long more = Math.min(Math.max(total - reserved, Math.max(reserved, 64 * 1024)), maxDecodedBytes - reserved);
                    if (!inFlight.tryReserve(more)) {
                        throw new Stop(FetchException.temporary(url + ": the bodies being read hold " + inFlight.held()
                                + " of the " + inFlight.budget() + " bytes all fetches may hold at once (fetch.max-bytes-in-flight);"
                                + " tried again at the next poll", null));
                    }
                    reserved += more;
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } finally {
            inFlight.release(reserved);
        }
    }

    /** Reads what is left on the wire after the decoder stopped, so that the connection can be reused. */
    private static void drain(InputStream wire) throws IOException {
        byte[] buffer = new byte[CHUNK];
        while (wire.read(buffer) != -1) {
            // still counted against the wire limit and the deadline
        }
    }

    private static List<String> codings(URI url, String contentEncoding) throws FetchException {
        List<String> codings = new ArrayList<>();
        if (contentEncoding == null) {
            return codings;
        }
        for (String token : contentEncoding.split(",")) {
            String coding = token.trim().toLowerCase(Locale.ROOT);
            switch (coding) {
                case "", "identity" -> { }
                case "gzip", "x-gzip" -> codings.add("gzip");
                case "deflate" -> codings.add("deflate");
                default -> throw FetchException.permanent(url + " sent a body with Content-Encoding " + coding
                        + ", which newsradar does not decode (it asks for gzip or deflate)");
            }
            if (codings.size() > MAX_CODINGS) {
                throw FetchException.refused(url + " sent a body with more than " + MAX_CODINGS
                        + " content codings in its Content-Encoding; newsradar undoes at most " + MAX_CODINGS);
            }
        }
        return codings;
    }

    /** Undoes the codings, the last applied first. */
    private static InputStream decoder(InputStream wire, List<String> codings) throws IOException {
        List<String> reversed = new ArrayList<>(codings);
        Collections.reverse(reversed);
        InputStream in = wire;
        for (String coding : reversed) {
            in = coding.equals("gzip") ? new GZIPInputStream(in, CHUNK) : inflating(in);
        }
        return in;
    }

    /** HTTP's deflate is zlib-wrapped, but some servers send raw deflate: the first two bytes tell. */
    private static InputStream inflating(InputStream in) throws IOException {
        PushbackInputStream peek = new PushbackInputStream(in, 2);
        int b0 = peek.read();
        int b1 = b0 < 0 ? -1 : peek.read();
        if (b1 >= 0) {
            peek.unread(b1);
        }
        if (b0 >= 0) {
            peek.unread(b0);
        }
        boolean zlib = b1 >= 0 && (b0 & 0x0f) == 8 && ((b0 << 8) | b1) % 31 == 0;
        Inflater inflater = new Inflater(!zlib);
        return new InflaterInputStream(peek, inflater, CHUNK) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    inflater.end();
                }
            }
        };
    }

    /** Counts the bytes read from the wire against the limit and checks the deadline. Closing it does nothing. */
    private final class WireStream extends FilterInputStream {

        private final URI url;
        private final Deadline deadline;
        private long count;

        WireStream(URI url, InputStream in, Deadline deadline) {
            super(in);
            this.url = url;
            this.deadline = deadline;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            checkDeadline();
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
                if (count > maxWireBytes) {
                    throw new Stop(FetchException.refused(url + " is larger than the " + maxWireBytes + "-byte limit (read on the wire)"));
                }
            }
            checkDeadline();
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            return n <= 0 ? 0 : Math.max(0, read(new byte[(int) Math.min(n, CHUNK)]));
        }

        @Override
        public void close() {
            // the response is closed or cancelled by the fetcher, which knows whether the body was read to the end
        }

        private void checkDeadline() throws Stop {
            if (deadline.passed()) {
                throw new Stop(FetchException.timedOut(url, deadline, "while reading the body (" + count + " bytes read)"));
            }
        }
    }

    /** Carries a failure out through the decoding streams. */
    private static final class Stop extends IOException {

        private static final long serialVersionUID = 1L;
        private final transient FetchException failure;

        Stop(FetchException failure) {
            super(failure.getMessage());
            this.failure = failure;
        }
    }
}
