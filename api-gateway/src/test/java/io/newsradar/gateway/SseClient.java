package io.newsradar.gateway;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A server-sent-events client over a plain socket, so a test decides exactly when it reads: one that stops reading
 * is a slow client to the server, as a stalled browser tab would be. It reads HTTP/1.1 with chunked or sized bodies.
 */
final class SseClient implements AutoCloseable {

    /** One event: its fields, or only a comment (a heartbeat). */
    record Event(String id, String event, String data, String comment) {
    }

    private final Socket socket;
    private final InputStream in;
    private final int status;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final boolean chunked;
    private long remaining;
    private boolean ended;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private String id;
    private String event;
    private StringBuilder data;
    private String comment;

    private SseClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        socket.setSoTimeout(20_000);
        String statusLine = headerLine();
        status = Integer.parseInt(statusLine.split(" ")[1]);
        for (String h = headerLine(); !h.isEmpty(); h = headerLine()) {
            int colon = h.indexOf(':');
            headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
        }
        chunked = "chunked".equalsIgnoreCase(headers.get("transfer-encoding"));
        remaining = chunked ? 0 : Long.parseLong(headers.getOrDefault("content-length", String.valueOf(Long.MAX_VALUE)));
    }

    /**
     * Opens {@code path} with the given request headers.
     *
     * @param receiveBuffer the socket's receive buffer in bytes, small for a client meant to fall behind; 0 for the default
     */
    static SseClient open(int port, String path, Map<String, String> requestHeaders, int receiveBuffer) throws IOException {
        Socket socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAccept: text/event-stream\r\n");
        requestHeaders.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        OutputStream out = socket.getOutputStream();
        out.write(request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        return new SseClient(socket);
    }

    int status() {
        return status;
    }

    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The whole body, for a response that is not a stream (a problem document). */
    String body() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int b = bodyByte(); b >= 0; b = bodyByte()) {
            body.write(b);
        }
        return body.toString(StandardCharsets.UTF_8);
    }

    /** The next event, or {@code null} when the stream has ended. */
    Event next(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        while (true) {
            int b = bodyByte();
            if (b < 0) {
                return null;
            }
            if (b != '\n') {
                line.write(b);
                continue;
            }
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            if (text.isEmpty()) {
                if (id != null || event != null || data != null || comment != null) {
                    Event e = new Event(id, event, data == null ? null : data.toString(), comment);
                    id = null;
                    event = null;
                    data = null;
                    comment = null;
                    return e;
                }
            } else if (text.startsWith(":")) {
                comment = text.substring(1);
            } else if (text.startsWith("id:")) {
                id = text.substring(3);
            } else if (text.startsWith("event:")) {
                event = text.substring(6);
            } else if (text.startsWith("data:")) {
                data = data == null ? new StringBuilder(text.substring(5)) : data.append('\n').append(text.substring(5));
            }
        }
    }

    /** The next event that is not a comment, or {@code null} at the end or when none comes within the timeout. */
    Event nextEvent(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                Event e = next(Duration.ofMillis(left));
                if (e == null || e.event() != null || e.data() != null) {
                    return e;
                }
            }
        } catch (SocketTimeoutException e) {
            return null;
        }
    }

    private int bodyByte() throws IOException {
        if (ended) {
            return -1;
        }
        if (remaining == 0) {
            if (!chunked) {
                ended = true;
                return -1;
            }
            String size = headerLine();
            if (size.isEmpty()) {
                size = headerLine(); // the CRLF ending the previous chunk
            }
            remaining = Long.parseLong(size.split(";")[0].trim(), 16);
            if (remaining == 0) {
                ended = true;
                return -1;
            }
        }
        int b = in.read();
        if (b < 0) {
            ended = true;
            return -1;
        }
        remaining--;
        return b;
    }

    private String headerLine() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("the connection ended in the middle of a line");
            }
            if (b != '\r') {
                bytes.write(b);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
