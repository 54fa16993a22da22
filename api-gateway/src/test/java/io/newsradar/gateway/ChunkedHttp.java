package io.newsradar.gateway;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 exchange over a plain socket, read by hand, for what {@code java.net.http} hides: the trailer fields
 * after a chunked body, and a client that stops reading (a small receive buffer) or hangs up part way.
 */
final class ChunkedHttp implements Closeable {

    private final Socket socket;
    private final InputStream in;
    private final int status;
    private final Map<String, String> headers;
    private final Map<String, String> trailers = new LinkedHashMap<>();

    private ChunkedHttp(Socket socket, InputStream in, int status, Map<String, String> headers) {
        this.socket = socket;
        this.in = in;
        this.status = status;
        this.headers = headers;
    }

    /** Sends {@code GET target} with these header lines and reads the status and headers; the body is left unread. */
    static ChunkedHttp get(int port, String target, int receiveBuffer, String... headerLines) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(receiveBuffer);
        socket.setSoTimeout(30_000);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        StringBuilder request = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nTE: trailers\r\n");
        for (String line : headerLines) {
            request.append(line).append("\r\n");
        }
        OutputStream out = socket.getOutputStream();
        out.write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        String statusLine = line(in);
        Map<String, String> headers = fields(in);
        return new ChunkedHttp(socket, in, Integer.parseInt(statusLine.split(" ")[1]), headers);
    }

    int status() {
        return status;
    }

    /** A header field by its lower-case name, or {@code null}. */
    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** A trailer field by its lower-case name, or {@code null}; there after {@link #body()}. */
    String trailer(String name) {
        return trailers.get(name.toLowerCase(Locale.ROOT));
    }

    /** Reads at least {@code bytes} of the chunked body (or all of it when shorter), as UTF-8. */
    String body(int bytes) throws IOException {
        return read(bytes);
    }

    /** Reads the whole chunked body, then its trailer fields. */
    String body() throws IOException {
        return read(Integer.MAX_VALUE);
    }

    private String read(int atLeast) throws IOException {
        if (!"chunked".equalsIgnoreCase(header("transfer-encoding"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (body.size() < atLeast) {
            int size = Integer.parseInt(line(in).split(";")[0].trim(), 16);
            if (size == 0) {
                trailers.putAll(fields(in));
                break;
            }
            body.write(in.readNBytes(size));
            line(in);
        }
        return body.toString(StandardCharsets.UTF_8);
    }

    private static Map<String, String> fields(InputStream in) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            fields.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        return fields;
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("the connection ended inside a line: " + line.toString(StandardCharsets.UTF_8));
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
