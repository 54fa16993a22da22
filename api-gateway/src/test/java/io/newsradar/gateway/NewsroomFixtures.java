package io.newsradar.gateway;

import io.newsradar.contracts.ArticleId;
import io.newsradar.contracts.ClassifiedArticle;
import io.newsradar.contracts.CountryTag;
import io.newsradar.contracts.Evidence;
import io.newsradar.contracts.PairTag;
import io.newsradar.contracts.RawArticle;
import io.newsradar.contracts.RegionTag;
import io.newsradar.contracts.TopicTag;
import io.newsradar.contracts.Topics;
import io.newsradar.testsupport.TestServers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import tools.jackson.databind.json.JsonMapper;

/** What the newsroom page's browser tests share: classified articles produced to Kafka, and reading the page. */
final class NewsroomFixtures implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka().bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new StringSerializer());

    /** Publishes the article to {@code news.articles.classified}, as classify-service would. */
    void publish(ClassifiedArticle article) throws Exception {
        producer.send(new ProducerRecord<>(Topics.ARTICLES_CLASSIFIED, article.articleId(), JSON.writeValueAsString(article))).get();
    }

    @Override
    public void close() {
        producer.close();
    }

    /** A feed id of its own, so that a test sees only its own articles. */
    static String feed() {
        return "page" + Long.toString(System.nanoTime(), 36);
    }

    /**
     * A Vietnam–Japan story of the feed about Gunma, published {@code ago}, classified now, on one topic whose evidence is
     * "care workers" when the title has it, else the title's first word.
     */
    static ClassifiedArticle article(String feed, int i, String title, String topic, Duration ago) {
        String url = "https://example.org/" + feed + "/" + i;
        Instant published = Instant.now().minus(ago);
        RawArticle raw = new RawArticle(1, ArticleId.ofUrl(url), url, null, feed, "Asia Labour Wire", "en", title,
                "A story for the newsroom page's browser test.", "", List.of(), published, published.plusSeconds(5));
        String phrase = title.contains("care workers") ? "care workers" : title.split(" ")[0];
        List<CountryTag> countries = List.of(new CountryTag("JP", 0.8, List.of(new Evidence("Japan", Evidence.Field.LEAD, 0))),
                new CountryTag("VN", 0.8, List.of(new Evidence("Vietnamese", Evidence.Field.TITLE, 0))));
        return new ClassifiedArticle(1, raw, "test", Instant.now(), "en", PairTag.of("JP", "VN", 0.8), countries,
                List.of(new RegionTag("JP-10", "JP", "Gunma", "JP-10", 0.7, List.of(new Evidence("Gunma", Evidence.Field.TITLE, 0)))),
                List.of(new TopicTag(topic, 0.6, List.of(new Evidence(phrase, Evidence.Field.TITLE, Math.max(0, title.indexOf(phrase)))))));
    }

    /** The ids of the articles the page lists, top first. */
    static List<String> shownIds(WebDriver driver) {
        return driver.findElements(By.cssSelector("#articles > li.article")).stream().map(e -> e.getDomAttribute("data-id")).toList();
    }

    static String firstShownId(WebDriver driver) {
        List<String> ids = shownIds(driver);
        return ids.isEmpty() ? null : ids.get(0);
    }

    /** The page's connection state: live, reconnecting, resuming, recovered, refused… */
    static String connection(WebDriver driver) {
        return driver.findElement(By.id("connection")).getDomAttribute("data-state");
    }

    /** The console's errors and warnings since the last call. */
    static List<String> consoleProblems(WebDriver driver) {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).map(LogEntry::toString).toList();
    }

    static void saveScreenshot(WebDriver driver, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
