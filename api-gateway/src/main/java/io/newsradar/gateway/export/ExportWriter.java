package io.newsradar.gateway.export;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsradar.contracts.Redaction;
import io.newsradar.gateway.search.ArticleView;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes an export's articles to the response as they come, one buffer per article, so the socket's pace sets the
 * pace of the reading. Nothing is written before the first article (or the end) is there, so a failure to start is
 * still answered with a problem document. NDJSON ends with a trailer line, {@code {"export":{"rows":N,
 * "complete":true,"last":"<id>"}}}, or {@code "complete":false} with an {@code error} when the reading failed part
 * way. CSV ends with the HTTP trailer fields {@code Export-Rows}, {@code Export-Complete} and {@code Export-Last}
 * (declared in {@code Trailer}); a CSV export that fails part way is cut off without the chunked body's last chunk,
 * so that every HTTP client reports the transfer as incomplete.
 */
final class ExportWriter {

    private static final Logger log = LoggerFactory.getLogger(ExportWriter.class);
    static final String ROWS = "Export-Rows";
    static final String COMPLETE = "Export-Complete";
    static final String LAST = "Export-Last";

    private final JsonMapper json;
    private final MeterRegistry meters;

    ExportWriter(JsonMapper json, MeterRegistry meters) {
        this.json = json;
        this.meters = meters;
    }

    Mono<Void> write(ServerHttpResponse response, ExportFormat format, Flux<ArticleView> articles, String key) {
        AtomicLong rows = new AtomicLong();
        AtomicReference<String> last = new AtomicReference<>();
        AtomicBoolean complete = new AtomicBoolean();
        Flux<ArticleView> counted = articles.doOnNext(article -> {
            rows.incrementAndGet();
            last.set(article.id());
        }).doOnComplete(() -> complete.set(true));
        response.getHeaders().setContentType(format.mediaType());
        response.getHeaders().setCacheControl("no-store");
        AtomicReference<Throwable> error = new AtomicReference<>();
        Flux<String> text = format == ExportFormat.CSV ? csv(response, counted, rows, last, complete)
                : ndjson(counted.doOnError(error::set), rows, last, complete);
        return response.writeWith(text.map(s -> response.bufferFactory().wrap(s.getBytes(StandardCharsets.UTF_8))))
                .doOnError(error::set)
                .doFinally(signal -> finished(format, key, rows.get(), complete.get(), error.get()));
    }

    private Flux<String> ndjson(Flux<ArticleView> articles, AtomicLong rows, AtomicReference<String> last, AtomicBoolean complete) {
        return articles.map(article -> json.writeValueAsString(article) + "\n")
                .concatWith(Mono.fromSupplier(() -> trailer(rows.get(), true, last.get(), null)))
                // Before the first row nothing is sent yet: the error becomes a problem document. After it, the client
                // is told in the trailer where the export stopped, and resumes after that article.
                .onErrorResume(e -> rows.get() > 0, e -> Mono.fromSupplier(() -> trailer(rows.get(), complete.get(), last.get(),
                        "the export stopped after " + rows.get() + " articles (" + Redaction.mask(String.valueOf(e.getMessage()))
                                + "); resume with after=" + last.get())));
    }

    private String trailer(long rows, boolean complete, String last, String error) {
        ObjectNode export = json.createObjectNode();
        export.put("rows", rows).put("complete", complete).put("last", last);
        if (error != null) {
            export.put("error", error);
        }
        ObjectNode line = json.createObjectNode();
        line.set("export", export);
        return json.writeValueAsString(line) + "\n";
    }

    private static Flux<String> csv(ServerHttpResponse response, Flux<ArticleView> articles, AtomicLong rows,
            AtomicReference<String> last, AtomicBoolean complete) {
        if (ServerHttpResponseDecorator.getNativeResponse(response) instanceof HttpServerResponse server) {
            response.getHeaders().set(HttpHeaders.TRAILER, String.join(", ", ROWS, COMPLETE, LAST));
            server.trailerHeaders(trailer -> {
                trailer.set(ROWS, rows.get());
                trailer.set(COMPLETE, complete.get());
                if (last.get() != null) {
                    trailer.set(LAST, last.get());
                }
            });
        }
        // The header row goes with the first article, or alone at the end when none matched.
        return articles.index().map(row -> (row.getT1() == 0 ? CsvRows.HEADER : "") + CsvRows.row(row.getT2()))
                .concatWith(Flux.defer(() -> rows.get() == 0 ? Flux.just(CsvRows.HEADER) : Flux.empty()));
    }

    /** Counts and logs how the export ended: complete, failed (the reading failed), or cancelled (the client went away). */
    private void finished(ExportFormat format, String key, long rows, boolean complete, Throwable error) {
        boolean failed = error != null && !(error instanceof AbortedException) && !AbortedException.isConnectionReset(error);
        String outcome = complete ? "complete" : failed ? "failed" : "cancelled";
        meters.counter("newsradar.gateway.export.rows", "format", format.name().toLowerCase(java.util.Locale.ROOT)).increment(rows);
        meters.counter("newsradar.gateway.export", "format", format.name().toLowerCase(java.util.Locale.ROOT), "outcome", outcome).increment();
        log.atInfo().addKeyValue("key", key).addKeyValue("format", format).addKeyValue("rows", rows).addKeyValue("outcome", outcome)
                .addKeyValue("error", error == null ? null : Redaction.mask(error.toString()))
                .log("export of {} articles {}{}", rows, outcome, error == null ? "" : ": " + Redaction.mask(error.toString()));
    }
}
