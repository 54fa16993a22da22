package io.newsradar.index;

import static io.newsradar.index.ClassifiedEvents.article;
import static io.newsradar.index.ClassifiedEvents.producer;
import static io.newsradar.index.ClassifiedEvents.send;
import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsradar.contracts.ArticleDocument;
import io.newsradar.contracts.ClassifiedArticle;
import io.newsradar.contracts.DeadLetterHeaders;
import io.newsradar.contracts.RawArticle;
import io.newsradar.contracts.Topics;
import io.newsradar.index.stream.Replay;
import io.newsradar.support.elasticsearch.ArticleIndexInstaller;
import io.newsradar.testsupport.TestServers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** index-service against a real Kafka broker and a real Elasticsearch node. */
@SpringBootTest(properties = {"spring.config.name=index-service", "newsradar.index.bulk-flush-interval=200ms"})
class IndexServiceIT {

    @Autowired
    ElasticsearchClient elasticsearch;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ApplicationContext context;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestServers.registerKafka(registry);
        TestServers.registerElasticsearch(registry);
    }

    @Test
    void indexesEachArticleOnceUnderItsIdEvenWhenItIsDeliveredAgain() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<ClassifiedArticle> articles = List.of(
                article(run + "-a", "Bắc Giang đón nhà đầu tư Nhật Bản"),
                article(run + "-b", "Gunma et le Vietnam signent un accord"),
                article(run + "-c", "Japan funds a hospital in Hue"));

        send(articles);
        awaitCount(run, 3);
        send(articles);
        ClassifiedArticle sentinel = article(run + "-d", "Sentinel after the redelivery");
        send(List.of(sentinel));
        awaitCount(run, 4);

        assertThat(count(run)).isEqualTo(4);
        ArticleDocument doc = elasticsearch.get(g -> g.index(ArticleDocument.ALIAS).id(run + "-a"), ArticleDocument.class).source();
        assertThat(doc.pair()).isEqualTo("JP-VN");
        assertThat(doc.countries()).containsExactly("JP", "VN");
        assertThat(doc.tags().countries().get(0).score()).isEqualTo(0.8);
    }

    @Test
    void findsAVietnameseTitleTypedWithoutDiacritics() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        send(List.of(article(run + "-x", "Tỉnh Bắc Giang tiếp đoàn doanh nghiệp tỉnh Gunma")));
        awaitCount(run, 1);

        long hits = elasticsearch.search(s -> s.index(ArticleDocument.ALIAS).query(q -> q.bool(b -> b
                .must(m -> m.match(t -> t.field("folded.title").query("bac giang")))
                .filter(f -> f.prefix(p -> p.field("articleId").value(run))))), ArticleDocument.class).hits().total().value();

        assertThat(hits).isEqualTo(1);
    }

    @Test
    void sendsAnUnreadableRecordToTheDeadLetterTopicAndKeepsIndexing() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.ARTICLES_CLASSIFIED, run + "-poison", "{\"article\": [" + run)).get();
        }
        send(List.of(article(run + "-ok", "Vietnam and Japan open a training centre")));
        awaitCount(run, 1);

        ConsumerRecord<String, String> dead = deadLetter(run);
        assertThat(dead.headers().lastHeader(DeadLetterHeaders.STAGE).value()).asString().isEqualTo("index-service");
        assertThat(dead.headers().lastHeader(DeadLetterHeaders.ERROR).value()).asString()
                .startsWith("index-service could not read a ClassifiedArticle");
    }

    @Test
    void anOlderRevisionDeliveredAfterANewerOneNeverOverwritesIt() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        double staleBefore = meters.counter("newsradar.index.stale").count();
        send(List.of(article(run + "-r", "The revised headline", Instant.parse("2026-11-20T10:00:00Z"))));
        awaitCount(run, 1);

        send(List.of(article(run + "-r", "The first headline", Instant.parse("2026-11-20T09:00:00Z"))));
        await(() -> meters.counter("newsradar.index.stale").count() > staleBefore, "the older revision to be found stale");

        ArticleDocument doc = elasticsearch.get(g -> g.index(ArticleDocument.ALIAS).id(run + "-r"), ArticleDocument.class).source();
        assertThat(doc.title()).isEqualTo("The revised headline");
        assertThat(count(run)).isEqualTo(1);
    }

    @Test
    void aFeedThatClaimsAnotherFeedsArticleIsRecordedInAlsoInAndLeavesItsWords() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String id = run + "-owned";
        send(List.of(fromFeed(article(id, "The owner's headline", Instant.parse("2026-11-20T09:00:00Z")), "it-feed", true)));
        awaitCount(run, 1);

        ClassifiedArticle claim = fromFeed(article(id, "A claimed headline", Instant.parse("2026-11-20T10:00:00Z")), "claiming-feed", false);
        send(List.of(claim, claim));
        ClassifiedArticle ownSite = fromFeed(article(id, "The site's corrected headline", Instant.parse("2026-11-20T11:00:00Z")),
                "site-feed", true);
        send(List.of(ownSite));
        await(() -> document(id).title().equals("The site's corrected headline"), "the site's own revision");

        ArticleDocument doc = document(id);
        assertThat(doc.feedId()).isEqualTo("it-feed");
        assertThat(doc.alsoIn()).containsExactly("claiming-feed", "site-feed");
        send(List.of(fromFeed(article(id, "A claim sent late", Instant.parse("2026-11-20T12:00:00Z")), "claiming-feed", false)));
        send(List.of(article(run + "-after", "Sentinel after the late claim")));
        awaitCount(run, 2);
        assertThat(document(id).title()).isEqualTo("The site's corrected headline");
        assertThat(document(id).alsoIn()).containsExactly("claiming-feed", "site-feed");
    }

    private ArticleDocument document(String id) {
        try {
            return elasticsearch.get(g -> g.index(ArticleDocument.ALIAS).id(id), ArticleDocument.class).source();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ClassifiedArticle fromFeed(ClassifiedArticle c, String feedId, boolean sameSite) {
        RawArticle a = c.article();
        RawArticle raw = new RawArticle(a.schemaVersion(), a.articleId(), a.url(), a.guid(), feedId, feedId, a.language(),
                a.title(), a.lead(), a.body(), a.categories(), a.publishedAt(), a.ingestedAt(), null, null, List.of(), null, sameSite);
        return new ClassifiedArticle(c.schemaVersion(), raw, c.classifierVersion(), c.classifiedAt(), c.language(), c.pair(),
                c.countries(), c.regions(), c.topics());
    }

    @Test
    void sendsADocumentElasticsearchRefusesToTheDeadLetterTopicAndIndexesTheRestOfItsBatch() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        // A keyword longer than Lucene's largest term (32,766 bytes): Elasticsearch refuses this one document.
        ClassifiedArticle refused = withSource(article(run + "-huge", "A source name no index can hold"), "s".repeat(40_000));
        send(List.of(refused, article(run + "-fine", "Vietnam and Laos sign a labour agreement")));
        awaitCount(run, 1);

        ConsumerRecord<String, String> dead = deadLetter(run + "-huge");
        assertThat(dead.key()).isEqualTo(run + "-huge");
        assertThat(dead.headers().lastHeader(DeadLetterHeaders.ERROR).value()).asString()
                .startsWith("Elasticsearch refused article " + run + "-huge (400)");
        assertThat(count(run)).isEqualTo(1);
    }

    @Test
    void aFullReplayReindexesEveryRecordWithoutChangingTheCount() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        send(List.of(article(run + "-1", "Hai Phong welcomes Korean investors"), article(run + "-2", "Le Japon forme des aides-soignants"),
                article(run + "-3", "Lào Cai và Vân Nam hợp tác")));
        awaitCount(run, 3);
        elasticsearch.indices().refresh(r -> r.index(ArticleDocument.ALIAS));
        long before = elasticsearch.count(c -> c.index(ArticleDocument.ALIAS)).count();
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        Replay.Result result = Replay.of(context, new PrintStream(progress, true, StandardCharsets.UTF_8)).run();

        elasticsearch.indices().refresh(r -> r.index(ArticleDocument.ALIAS));
        assertThat(result.records()).isGreaterThanOrEqualTo(before);
        assertThat(elasticsearch.count(c -> c.index(ArticleDocument.ALIAS)).count()).isEqualTo(before);
        assertThat(count(run)).isEqualTo(3);
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("records in").contains("replay: done, ");
    }

    @Test
    void reportsTheConsumerLagOfItsGroupForAutoscaling() throws Exception {
        send(List.of(article(UUID.randomUUID().toString().substring(0, 8) + "-lag", "Lag is measured")));

        await(() -> meters.find("spring.cloud.stream.binder.kafka.offset").tag("group", "index-service")
                .tag("topic", Topics.ARTICLES_CLASSIFIED).gauge() != null, "the consumer lag gauge");
        double lag = meters.find("spring.cloud.stream.binder.kafka.offset").tag("group", "index-service").gauge().value();
        assertThat(lag).isGreaterThanOrEqualTo(0);
    }

    @Test
    void installsTheTemplateAndAliasIdempotently() throws IOException {
        new ArticleIndexInstaller(elasticsearch).install();
        new ArticleIndexInstaller(elasticsearch).install();

        var aliases = elasticsearch.indices().getAlias(a -> a.name(ArticleDocument.ALIAS)).result();
        assertThat(aliases).containsOnlyKeys(ArticleIndexInstaller.FIRST_INDEX);
        assertThat(aliases.get(ArticleIndexInstaller.FIRST_INDEX).aliases().get(ArticleDocument.ALIAS).isWriteIndex()).isTrue();
    }

    private static ClassifiedArticle withSource(ClassifiedArticle c, String source) {
        RawArticle a = c.article();
        RawArticle raw = new RawArticle(a.schemaVersion(), a.articleId(), a.url(), a.guid(), a.feedId(), source, a.language(),
                a.title(), a.lead(), a.body(), a.categories(), a.publishedAt(), a.ingestedAt());
        return new ClassifiedArticle(c.schemaVersion(), raw, c.classifierVersion(), c.classifiedAt(), c.language(), c.pair(),
                c.countries(), c.regions(), c.topics());
    }

    private long count(String run) throws IOException {
        elasticsearch.indices().refresh(r -> r.index(ArticleDocument.ALIAS));
        return elasticsearch.count(c -> c.index(ArticleDocument.ALIAS)
                .query(q -> q.prefix(p -> p.field("articleId").value(run)))).count();
    }

    private void awaitCount(String run, long expected) throws Exception {
        await(() -> {
            try {
                return count(run) >= expected;
            } catch (IOException e) {
                return false;
            }
        }, "documents of run " + run + " to reach " + expected);
    }

    private static ConsumerRecord<String, String> deadLetter(String run) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka().bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "index-it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.ARTICLES_DLQ));
            Instant deadline = Instant.now().plusSeconds(20);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(300))) {
                    if (r.value().contains(run)) {
                        return r;
                    }
                }
            }
        }
        throw new AssertionError("no dead letter for run " + run);
    }



    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        ClassifiedEvents.await(condition, what, Duration.ofSeconds(30));
    }
}
