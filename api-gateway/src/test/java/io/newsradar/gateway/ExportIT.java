package io.newsradar.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.ChannelOption;
import io.newsradar.contracts.ArticleDocument;
import io.newsradar.contracts.ArticleId;
import io.newsradar.contracts.ClassifiedArticle;
import io.newsradar.contracts.CountryTag;
import io.newsradar.contracts.Evidence;
import io.newsradar.contracts.PairTag;
import io.newsradar.contracts.RawArticle;
import io.newsradar.contracts.RegionTag;
import io.newsradar.contracts.TopicTag;
import io.newsradar.testsupport.TestServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v1/export} against a real Elasticsearch node, over many pages (a page is 100 articles here): every
 * match once in a stable order as NDJSON and CSV, resuming after an id, the per-key limit, the refusals, and the point
 * in time closed when a client hangs up. The server's send buffer is small, so a client that stops reading holds its
 * export open.
 */
@RunningGateway
@TestPropertySource(properties = {"newsradar.gateway.export.page-size=100", "newsradar.gateway.export.max-per-key=2"})
class ExportIT {

    private static final String FEED = "x" + Long.toString(System.nanoTime(), 36);
    private static final int ARTICLES = 1_250;
    /** Articles of the index that goes away mid-export: many pages, so the export is still reading when it does. */
    private static final int FAULTY = 3_000;
    private static final Instant NEWEST = Instant.parse("2026-11-20T00:00:00Z");
    private static final String TO = "2026-11-21";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Value("${local.server.port}")
    int port;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TestConfiguration(proxyBeanMethods = false)
    static class SmallSendBuffer {

        @Bean
        NettyServerCustomizer smallSendBuffer() {
            return server -> server.childOption(ChannelOption.SO_SNDBUF, 8192);
        }
    }

    @BeforeAll
    static void seed() throws Exception {
        List<ClassifiedArticle> articles = new ArrayList<>();
        for (int i = 0; i < ARTICLES; i++) {
            // Three articles to a minute: the order between them is the article id's.
            articles.add(article(i, NEWEST.minus(Duration.ofMinutes(i / 3)), i == 7 ? "=HYPERLINK(\"http://evil.example\")" : "Story " + i));
        }
        IndexedArticles.index(articles);
    }

    @Test
    void streamsEveryMatchOnceAsNdjsonInAStableOrderThenATrailer() throws Exception {
        HttpResponse<String> response = get("/api/v1/export?feed=" + FEED + "&to=" + TO, "application/x-ndjson");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-ndjson");
        List<JsonNode> lines = lines(response.body());
        List<JsonNode> rows = lines.subList(0, lines.size() - 1);
        assertThat(rows).hasSize(ARTICLES);
        assertThat(rows).extracting(r -> r.get("id").asString()).doesNotHaveDuplicates().isEqualTo(expectedOrder());
        JsonNode trailer = lines.get(lines.size() - 1).get("export");
        assertThat(trailer.get("rows").asLong()).isEqualTo(ARTICLES);
        assertThat(trailer.get("complete").asBoolean()).isTrue();
        assertThat(trailer.get("last").asString()).isEqualTo(rows.get(rows.size() - 1).get("id").asString());
    }

    @Test
    void anExportedLineIsTheArticleAsItsOwnRouteGivesItWithTagsAndEvidence() throws Exception {
        List<JsonNode> lines = lines(get("/api/v1/export?feed=" + FEED + "&to=" + TO + "&from=2026-11-19T23:58:00Z", "*/*").body());
        JsonNode first = lines.get(0);

        JsonNode single = JSON.readTree(get("/api/v1/articles/" + first.get("id").asString(), "application/json").body());

        assertThat(lines).hasSize(3 * 3 + 1);
        assertThat(first).isEqualTo(single);
        assertThat(first.at("/tags/countries/0/evidence/0/phrase").asString()).isEqualTo("Vietnam");
    }

    @Test
    void streamsTheSameArticlesAsCsvWithAHeaderDefusedFormulasAndTrailerFields() throws Exception {
        try (ChunkedHttp csv = ChunkedHttp.get(port, "/api/v1/export?feed=" + FEED + "&to=" + TO, 1 << 16,
                "X-Api-Key: " + TestKeys.READER, "Accept: text/csv")) {
            assertThat(csv.status()).isEqualTo(200);
            assertThat(csv.header("Content-Type")).isEqualTo("text/csv;charset=UTF-8");
            assertThat(csv.header("Trailer")).isEqualTo("Export-Rows, Export-Complete, Export-Last");
            String body = csv.body();

            String[] records = body.split("\r\n");
            assertThat(records[0]).isEqualTo("id,url,title,source,feed,language,publishedAt,pair,countries,regions,topics");
            assertThat(records).hasSize(ARTICLES + 1);
            List<String> ids = new ArrayList<>();
            for (int i = 1; i < records.length; i++) {
                ids.add(records[i].substring(0, records[i].indexOf(',')));
            }
            assertThat(ids).isEqualTo(expectedOrder());
            assertThat(body).contains(id(7) + ",https://example.org/" + FEED + "/7,\"'=HYPERLINK(\"\"http://evil.example\"\")\",")
                    .contains(",JP-VN,VN;JP,VN-54,labour;culture\r\n");
            assertThat(csv.trailer("Export-Rows")).isEqualTo(String.valueOf(ARTICLES));
            assertThat(csv.trailer("Export-Complete")).isEqualTo("true");
            assertThat(csv.trailer("Export-Last")).isEqualTo(ids.get(ids.size() - 1));
        }
    }

    @Test
    void resumesRightAfterTheLastIdReceived() throws Exception {
        List<String> all = expectedOrder();
        String last = all.get(456);

        List<JsonNode> lines = lines(get("/api/v1/export?feed=" + FEED + "&to=" + TO + "&after=" + last, "application/x-ndjson").body());

        assertThat(lines.subList(0, lines.size() - 1)).extracting(r -> r.get("id").asString()).isEqualTo(all.subList(457, all.size()));
        assertThat(lines.get(lines.size() - 1).at("/export/rows").asLong()).isEqualTo(all.size() - 457);
        HttpResponse<String> csv = get("/api/v1/export?feed=" + FEED + "&to=" + TO + "&format=csv&after=" + all.get(all.size() - 2), "*/*");
        assertThat(csv.body()).startsWith("id,url,title,source,feed,language,publishedAt,pair,countries,regions,topics\r\n").contains(all.get(all.size() - 1)).doesNotContain(all.get(all.size() - 2));
    }

    @Test
    void headCountsTheMatchesWithoutExportingThem() throws Exception {
        HttpResponse<String> head = http.send(request("/api/v1/export?feed=" + FEED + "&to=" + TO, "text/csv")
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Export-Rows")).hasValue(String.valueOf(ARTICLES));
        assertThat(head.body()).isEmpty();
    }

    @Test
    void aKeyPastItsConcurrentExportsIsToldTheLimitAndTheRunningOnesFinish() throws Exception {
        try (ChunkedHttp one = slowExport(); ChunkedHttp two = slowExport()) {
            assertThat(one.status()).isEqualTo(200);
            assertThat(two.status()).isEqualTo(200);

            HttpResponse<String> third = get("/api/v1/export?feed=" + FEED + "&to=" + TO, "application/x-ndjson");

            assertThat(third.statusCode()).isEqualTo(429);
            assertThat(third.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(third.headers().firstValue("Retry-After")).isPresent();
            JsonNode problem = JSON.readTree(third.body());
            assertThat(problem.get("limit").asInt()).isEqualTo(2);
            assertThat(problem.get("detail").asString()).contains("newsradar.gateway.export.max-per-key");
            assertThat(lines(one.body()).stream().filter(l -> l.has("id")).count()).isEqualTo(ARTICLES);
        }
        awaitTrue(() -> exportStatus() == 200, "a new export is let in once the others have ended");
    }

    @Test
    void closesThePointInTimeWhenTheClientHangsUp() throws Exception {
        long before = openSearchContexts();
        try (ChunkedHttp export = slowExport()) {
            assertThat(export.body(4096)).contains("\"id\"");
            assertThat(openSearchContexts()).isGreaterThan(before);
        }
        awaitTrue(() -> openSearchContexts() <= before, "the export's point in time is closed in Elasticsearch");
    }

    @Test
    void anNdjsonExportWhoseReadingFailsPartWayEndsWithAnIncompleteTrailer() throws Exception {
        String feed = "f" + Long.toString(System.nanoTime(), 36);
        String index = faultyIndex(feed);
        try (ChunkedHttp export = ChunkedHttp.get(port, "/api/v1/export?feed=" + feed + "&to=" + TO, 4096,
                "X-Api-Key: " + TestKeys.READER, "Accept: application/x-ndjson")) {
            String start = export.body(4096);
            deleteIndex(index); // the shard under the point in time goes away mid-export

            List<JsonNode> lines = lines(start + export.body());

            JsonNode trailer = lines.get(lines.size() - 1).get("export");
            assertThat(trailer.get("complete").asBoolean()).isFalse();
            assertThat(trailer.get("rows").asLong()).isEqualTo(lines.size() - 1).isLessThan(FAULTY);
            assertThat(trailer.get("last").asString()).isEqualTo(lines.get(lines.size() - 2).get("id").asString());
            assertThat(trailer.get("error").asString()).contains("resume with after=" + trailer.get("last").asString());
        } finally {
            deleteIndex(index);
        }
    }

    @Test
    void aCsvExportWhoseReadingFailsPartWayIsCutOffWithoutTheLastChunk() throws Exception {
        String feed = "f" + Long.toString(System.nanoTime(), 36);
        String index = faultyIndex(feed);
        try (ChunkedHttp export = ChunkedHttp.get(port, "/api/v1/export?feed=" + feed + "&to=" + TO, 4096,
                "X-Api-Key: " + TestKeys.READER, "Accept: text/csv")) {
            export.body(4096);
            deleteIndex(index);

            assertThatThrownBy(export::body).isInstanceOf(java.io.EOFException.class);
            assertThat(export.trailer("Export-Complete")).isNull();
        } finally {
            deleteIndex(index);
        }
    }

    @Test
    void refusesBadParametersNamingThem() throws Exception {
        assertRefused("/api/v1/export?feed=" + FEED, "application/x-ndjson", 400, "to");
        assertRefused("/api/v1/export?to=2026-11-21&from=2020-01-01", "application/x-ndjson", 400, "from");
        assertRefused("/api/v1/export?to=2026-11-21&after=not-an-id", "application/x-ndjson", 400, "after");
        assertRefused("/api/v1/export?to=2026-11-21&after=" + ArticleId.ofUrl("https://example.org/none"), "application/x-ndjson", 400, "after");
        assertRefused("/api/v1/export?to=2026-11-21&pair=VN", "text/csv", 400, "pair");
        assertRefused("/api/v1/export?to=2026-11-21&size=10", "text/csv", 400, "size");
        assertRefused("/api/v1/export?to=2026-11-21&format=xlsx", "text/csv", 400, "format");
        assertRefused("/api/v1/export?to=2026-11-21", "application/json", 406, "Accept");
    }

    private void assertRefused(String target, String accept, int status, String parameter) throws Exception {
        HttpResponse<String> response = get(target, accept);
        assertThat(response.statusCode()).as(target).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).as(target).hasValue("application/problem+json");
        assertThat(JSON.readTree(response.body()).get("parameter").asString()).as(target).isEqualTo(parameter);
    }

    /** An export read by a client with a small receive buffer that does not read on: the server has to wait. */
    private ChunkedHttp slowExport() throws Exception {
        return ChunkedHttp.get(port, "/api/v1/export?feed=" + FEED + "&to=" + TO, 4096, "X-Api-Key: " + TestKeys.READER,
                "Accept: application/x-ndjson");
    }

    private int exportStatus() {
        try {
            return get("/api/v1/export?feed=" + FEED + "&to=" + TO + "&from=2026-11-19T23:59:00Z", "application/x-ndjson").statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A second index behind the alias (not its write index) holding {@link #FAULTY} articles of {@code feed}, so that
     * deleting it fails an export of that feed part way; gone again at the end of the test.
     */
    private String faultyIndex(String feed) throws Exception {
        String index = "news-articles-fault-" + feed;
        es("PUT", "/" + index, "{\"aliases\":{\"news-articles\":{\"is_write_index\":false}}}");
        StringBuilder bulk = new StringBuilder();
        for (int i = 0; i < FAULTY; i++) {
            ArticleDocument doc = ArticleDocument.of(article(feed, i, NEWEST.minus(Duration.ofMinutes(i)), "Story " + i));
            bulk.append("{\"index\":{\"_id\":\"").append(doc.articleId()).append("\"}}\n").append(JSON.writeValueAsString(doc)).append('\n');
        }
        es("POST", "/" + index + "/_bulk?refresh=true", bulk.toString());
        return index;
    }

    private void deleteIndex(String index) throws Exception {
        es("DELETE", "/" + index + "?ignore_unavailable=true", null);
    }

    private void es(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TestServers.elasticsearch().url() + path))
                .header("Content-Type", path.contains("_bulk") ? "application/x-ndjson" : "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isLessThan(300);
        assertThat(response.body()).as(method + " " + path).doesNotContain("\"errors\":true");
    }

    /** The search contexts Elasticsearch holds open: a point in time holds one per shard. */
    private long openSearchContexts() {
        try {
            HttpResponse<String> stats = http.send(HttpRequest.newBuilder(URI.create(TestServers.elasticsearch().url()
                    + "/_nodes/stats/indices/search")).build(), HttpResponse.BodyHandlers.ofString());
            long open = 0;
            for (JsonNode node : JSON.readTree(stats.body()).get("nodes")) {
                open += node.at("/indices/search/open_contexts").asLong();
            }
            return open;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private HttpResponse<String> get(String target, String accept) throws Exception {
        return http.send(request(target, accept).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String target, String accept) {
        return HttpRequest.newBuilder(URI.create(GatewayClients.base(port) + target)).timeout(Duration.ofSeconds(60))
                .header("X-Api-Key", TestKeys.READER).header("Accept", accept);
    }

    private static List<JsonNode> lines(String body) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : body.split("\n")) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    /** Newest first, then by id. */
    private static List<String> expectedOrder() {
        record Row(String id, Instant published) {
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < ARTICLES; i++) {
            rows.add(new Row(id(i), NEWEST.minus(Duration.ofMinutes(i / 3))));
        }
        rows.sort(Comparator.comparing(Row::published).reversed().thenComparing(Row::id));
        return rows.stream().map(Row::id).toList();
    }

    private static String id(int i) {
        return ArticleId.ofUrl("https://example.org/" + FEED + "/" + i);
    }

    private static ClassifiedArticle article(int i, Instant published, String title) {
        return article(FEED, i, published, title);
    }

    private static ClassifiedArticle article(String feed, int i, Instant published, String title) {
        RawArticle raw = new RawArticle(1, ArticleId.ofUrl("https://example.org/" + feed + "/" + i), "https://example.org/" + feed + "/" + i,
                null, feed, "NHK World", "en",
                title, "", "", List.of(), published, published.plusSeconds(60));
        return new ClassifiedArticle(1, raw, "test", published.plusSeconds(61), "en", PairTag.of("JP", "VN", 0.8),
                List.of(new CountryTag("VN", 0.8, List.of(new Evidence("Vietnam", Evidence.Field.TITLE, 9))),
                        new CountryTag("JP", 0.7, List.of())),
                List.of(new RegionTag("VN-54", "VN", "Bắc Giang", "VN-56", 0.7, List.of())),
                List.of(new TopicTag("labour", 0.6, List.of()), new TopicTag("culture", 0.5, List.of())));
    }
}
