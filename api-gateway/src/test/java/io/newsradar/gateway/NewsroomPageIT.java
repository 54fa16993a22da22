package io.newsradar.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.contracts.ArticleId;
import io.newsradar.contracts.ClassifiedArticle;
import io.newsradar.contracts.CountryTag;
import io.newsradar.contracts.Evidence;
import io.newsradar.contracts.PairTag;
import io.newsradar.contracts.RawArticle;
import io.newsradar.contracts.RegionTag;
import io.newsradar.contracts.TopicTag;
import io.newsradar.contracts.Topics;
import io.newsradar.gateway.live.LiveArticles;
import io.newsradar.testsupport.TestServers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The newsroom page in the system's headless Chromium (Debian's {@code chromium} and {@code chromium-driver}), driven
 * by Selenium through {@code /usr/bin/chromedriver}: nothing is downloaded. Articles are produced to
 * {@code news.articles.classified} as classify-service would, and indexed as index-service would. Skipped, with the
 * reason, on a machine without the browser ({@link SystemChromium}); {@code .ci/run} installs it.
 */
@ExtendWith(SystemChromium.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.config.name=api-gateway")
class NewsroomPageIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static KafkaProducer<String, String> producer;
    private static Path profile;
    private static ChromeDriver driver;

    @Value("${local.server.port}")
    int port;
    @Autowired
    LiveArticles live;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestServers.registerElasticsearch(registry);
        TestServers.registerKafka(registry);
        TestKeys.register(registry);
    }

    @BeforeAll
    static void browser() throws IOException {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new StringSerializer());
        IndexedArticles.index(List.of());
        profile = Files.createTempDirectory("newsradar-chromium-");
        driver = SystemChromium.start(profile, Path.of("target", "chromedriver.log"));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void close() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (producer != null) {
            producer.close();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @BeforeEach
    void gatewayIsReading() throws Exception {
        assertThat(live.awaitReading(WAIT)).as("the gateway reads news.articles.classified").isTrue();
        driver.manage().logs().get(LogType.BROWSER); // what earlier tests left in the console
    }

    @Test
    void aClassifiedArticleAppearsAtTheTopAndItsTopicChipFiltersTheListAndTheAddress() throws Exception {
        // Given a feed with a labour story and a culture story from earlier today, and the page opened on that feed
        String feed = "page" + Long.toString(System.nanoTime(), 36);
        ClassifiedArticle olderLabour = article(feed, 1, "Gunma factories hire more trainees", "labour", Duration.ofMinutes(20));
        ClassifiedArticle olderCulture = article(feed, 2, "A Vietnamese film week opens in Tokyo", "culture", Duration.ofMinutes(10));
        IndexedArticles.index(List.of(olderLabour, olderCulture));
        driver.get(page("?feed=" + feed + "&api_key=" + TestKeys.READER));
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.until(d -> "live".equals(d.findElement(By.id("connection")).getDomAttribute("data-state")));
        wait.until(d -> shownIds(d).size() == 2);
        assertThat(shownIds(driver)).containsExactly(id(olderCulture), id(olderLabour));
        assertThat(driver.getCurrentUrl()).as("the key is kept in the browser, not in a link one shares")
                .doesNotContain("api_key").contains("feed=" + feed);

        // When a culture story, then a labour story, are classified (and indexed, as index-service would)
        ClassifiedArticle culture = article(feed, 3, "Hanoi hosts a Japanese tea ceremony", "culture", Duration.ofMinutes(2));
        publish(culture);
        wait.until(d -> id(culture).equals(firstShownId(d)));
        ClassifiedArticle labour = article(feed, 4, "Vietnamese care workers arrive in Gunma", "labour", Duration.ofMinutes(1));
        publish(labour);
        IndexedArticles.index(List.of(culture, labour));

        // Then the labour story appears at the top, with its tags as chips that show their evidence
        wait.until(d -> id(labour).equals(firstShownId(d)));
        WebElement top = driver.findElement(By.cssSelector("#articles > li.article:first-child"));
        assertThat(top.findElement(By.cssSelector(".headline a")).getText()).isEqualTo("Vietnamese care workers arrive in Gunma");
        assertThat(top.findElement(By.cssSelector(".headline a")).getDomAttribute("href")).isEqualTo(labour.article().url());
        assertThat(top.findElement(By.cssSelector(".source")).getText()).isEqualTo("NHK World");
        assertThat(top.findElement(By.cssSelector("time")).getText()).isEqualTo("1 min ago");
        assertThat(top.findElement(By.cssSelector(".chip-pair")).getText()).isEqualTo("JP-VN");
        assertThat(top.findElement(By.cssSelector(".chip-region")).getText()).isEqualTo("Gunma");
        WebElement topic = top.findElement(By.cssSelector(".chip-topic[data-value='labour']"));
        assertThat(topic.getDomAttribute("title")).contains("score 0.60").contains("“care workers” in the title");
        assertThat(shownIds(driver)).hasSize(4);

        // When the monitor clicks its topic chip
        topic.click();

        // Then the address names the filter, and the list holds only this feed's labour stories, newest first
        wait.until(ExpectedConditions.urlContains("topic=labour"));
        wait.until(d -> shownIds(d).equals(List.of(id(labour), id(olderLabour))));
        assertThat(driver.getCurrentUrl()).contains("feed=" + feed).contains("topic=labour");
        assertThat(driver.findElements(By.cssSelector("#active-filters .filter-chip")))
                .extracting(WebElement::getText).anyMatch(text -> text.startsWith("topic: labour"));
        wait.until(d -> "live".equals(d.findElement(By.id("connection")).getDomAttribute("data-state")));

        // and the stream was reopened with the filter: a culture story no longer shows, a labour one does
        publish(article(feed, 5, "Osaka festival celebrates Vietnamese food", "culture", Duration.ofSeconds(30)));
        ClassifiedArticle later = article(feed, 6, "Japan widens the skilled-worker visa", "labour", Duration.ofSeconds(20));
        publish(later);
        wait.until(d -> id(later).equals(firstShownId(d)));
        assertThat(shownIds(driver)).containsExactly(id(later), id(labour), id(olderLabour));

        // and the chart counts this feed's stories per topic over the last 24 hours
        wait.until(d -> !d.findElements(By.cssSelector("#chart svg .chart-row[data-topic='labour']")).isEmpty());
        saveScreenshot("newsroom.png");

        // and on a wall display, large type and high contrast are kept in the address too
        driver.findElement(By.id("large-type")).click();
        driver.findElement(By.id("high-contrast")).click();
        wait.until(ExpectedConditions.urlContains("view=contrast,large"));
        assertThat(driver.findElement(By.tagName("html")).getDomAttribute("class")).contains("large-type").contains("high-contrast");
        saveScreenshot("newsroom-wall.png");
        assertThat(consoleErrors()).as("the browser console").isEmpty();
    }

    @Test
    void aRefusedKeyIsSaidPlainlyWithTheGatewaysReason() throws Exception {
        // When the page is opened with a key the gateway does not know
        driver.get(page("?api_key=not-a-key"));

        // Then it says so, with the problem's detail, and asks for another key
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        WebElement problem = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("key-problem")));
        assertThat(problem.getText()).contains("refused").contains("401").contains("this API key is not known");
        assertThat(driver.findElement(By.id("connection")).getText()).isEqualTo("key refused");
        assertThat(driver.findElement(By.id("key-input")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("newsroom")).isDisplayed()).isFalse();

        // When the monitor enters a good key
        driver.findElement(By.id("key-input")).sendKeys(TestKeys.READER);
        driver.findElement(By.cssSelector("#key-form button[type=submit]")).click();

        // Then the page connects
        wait.until(d -> "live".equals(d.findElement(By.id("connection")).getDomAttribute("data-state")));
        assertThat(driver.findElement(By.id("newsroom")).isDisplayed()).isTrue();
    }

    @Test
    void thePageIsServedAtTheRootWithoutAKeyUnderAStrictContentSecurityPolicy() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String path : List.of("/", "/app.js", "/app.css")) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(page(path.substring(1))))
                    .header("Accept", "text/html,*/*").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path)
                    .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline"));
        }
        HttpResponse<String> root = client.send(HttpRequest.newBuilder(URI.create(page(""))).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(root.body()).contains("<title>newsradar · newsroom</title>").doesNotContain("onclick").doesNotContain("<script>");
    }

    // --- helpers ---

    private String page(String pathAndQuery) {
        return "http://127.0.0.1:" + port + "/" + pathAndQuery;
    }

    private static List<String> shownIds(WebDriver d) {
        return d.findElements(By.cssSelector("#articles > li.article")).stream().map(e -> e.getDomAttribute("data-id")).toList();
    }

    private static String firstShownId(WebDriver d) {
        List<String> ids = shownIds(d);
        return ids.isEmpty() ? null : ids.get(0);
    }

    private static List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).map(LogEntry::toString).toList();
    }

    private static void saveScreenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name), driver.getScreenshotAs(OutputType.BYTES));
    }

    private static void publish(ClassifiedArticle article) throws Exception {
        producer.send(new ProducerRecord<>(Topics.ARTICLES_CLASSIFIED, article.articleId(), JSON.writeValueAsString(article))).get();
    }

    private static String id(ClassifiedArticle article) {
        return article.articleId();
    }

    /** A Vietnam–Japan story of the feed about Gunma, on one topic whose evidence is two words of its title. */
    private static ClassifiedArticle article(String feed, int i, String title, String topic, Duration ago) {
        String url = "https://example.org/" + feed + "/" + i;
        Instant published = Instant.now().minus(ago);
        RawArticle raw = new RawArticle(1, ArticleId.ofUrl(url), url, null, feed, "NHK World", "en", title,
                "A story for the newsroom page's browser test.", "", List.of(), published, published.plusSeconds(5));
        String phrase = topic.equals("labour") && title.contains("care workers") ? "care workers" : title.split(" ")[0];
        List<CountryTag> countries = List.of(new CountryTag("JP", 0.8, List.of(new Evidence("Japan", Evidence.Field.LEAD, 0))),
                new CountryTag("VN", 0.8, List.of(new Evidence("Vietnamese", Evidence.Field.TITLE, 0))));
        return new ClassifiedArticle(1, raw, "test", Instant.now(), "en", PairTag.of("JP", "VN", 0.8), countries,
                List.of(new RegionTag("JP-10", "JP", "Gunma", "JP-10", 0.7, List.of(new Evidence("Gunma", Evidence.Field.TITLE, 0)))),
                List.of(new TopicTag(topic, 0.6, List.of(new Evidence(phrase, Evidence.Field.TITLE, Math.max(0, title.indexOf(phrase)))))));
    }
}
