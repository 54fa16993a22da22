package io.newsradar.gateway;

import static io.newsradar.gateway.NewsroomFixtures.article;
import static io.newsradar.gateway.NewsroomFixtures.connection;
import static io.newsradar.gateway.NewsroomFixtures.consoleProblems;
import static io.newsradar.gateway.NewsroomFixtures.feed;
import static io.newsradar.gateway.NewsroomFixtures.firstShownId;
import static io.newsradar.gateway.NewsroomFixtures.saveScreenshot;
import static io.newsradar.gateway.NewsroomFixtures.shownIds;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.contracts.ClassifiedArticle;
import io.newsradar.gateway.live.LiveArticles;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The newsroom page in the system's headless Chromium (Debian's {@code chromium} and {@code chromium-driver}), driven
 * by Selenium through {@code /usr/bin/chromedriver}: nothing is downloaded. Articles are produced to
 * {@code news.articles.classified} as classify-service would, and indexed as index-service would. Skipped, with the
 * reason, on a machine without the browser ({@link SystemChromium}); {@code .ci/run} installs it.
 */
@ExtendWith(SystemChromium.class)
@RunningGateway
class NewsroomPageIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private static NewsroomFixtures fixtures;
    private static Path profile;
    private static ChromeDriver driver;

    @Value("${local.server.port}")
    int port;
    @Autowired
    LiveArticles live;

    @BeforeAll
    static void browser() throws IOException {
        fixtures = new NewsroomFixtures();
        IndexedArticles.index(List.of());
        profile = Files.createTempDirectory("newsradar-chromium-");
        driver = SystemChromium.start(profile, Path.of("target", "chromedriver.log"));
    }

    @AfterAll
    static void close() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (fixtures != null) {
            fixtures.close();
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
        String feed = feed();
        ClassifiedArticle olderLabour = article(feed, 1, "Gunma factories hire more trainees", "labour", Duration.ofMinutes(20));
        ClassifiedArticle olderCulture = article(feed, 2, "A Vietnamese film week opens in Tokyo", "culture", Duration.ofMinutes(10));
        IndexedArticles.index(List.of(olderLabour, olderCulture));
        driver.get(page("?feed=" + feed + "&api_key=" + TestKeys.READER));
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.until(d -> "live".equals(connection(d)));
        wait.until(d -> shownIds(d).size() == 2);
        assertThat(shownIds(driver)).containsExactly(olderCulture.articleId(), olderLabour.articleId());
        assertThat(driver.getCurrentUrl()).as("the key is kept in the browser, not in a link one shares")
                .doesNotContain("api_key").contains("feed=" + feed);

        // When a culture story, then a labour story, are classified (and indexed, as index-service would)
        ClassifiedArticle culture = article(feed, 3, "Hanoi hosts a Japanese tea ceremony", "culture", Duration.ofMinutes(2));
        fixtures.publish(culture);
        wait.until(d -> culture.articleId().equals(firstShownId(d)));
        ClassifiedArticle labour = article(feed, 4, "Vietnamese care workers arrive in Gunma", "labour", Duration.ofMinutes(1));
        fixtures.publish(labour);
        IndexedArticles.index(List.of(culture, labour));

        // Then the labour story appears at the top, with its tags as chips that show their evidence
        wait.until(d -> labour.articleId().equals(firstShownId(d)));
        WebElement top = driver.findElement(By.cssSelector("#articles > li.article:first-child"));
        assertThat(top.findElement(By.cssSelector(".headline a")).getText()).isEqualTo("Vietnamese care workers arrive in Gunma");
        assertThat(top.findElement(By.cssSelector(".headline a")).getDomAttribute("href")).isEqualTo(labour.article().url());
        assertThat(top.findElement(By.cssSelector(".source")).getText()).isEqualTo("Asia Labour Wire");
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
        wait.until(d -> shownIds(d).equals(List.of(labour.articleId(), olderLabour.articleId())));
        assertThat(driver.getCurrentUrl()).contains("feed=" + feed).contains("topic=labour");
        assertThat(driver.findElements(By.cssSelector("#active-filters .filter-chip")))
                .extracting(WebElement::getText).anyMatch(text -> text.startsWith("topic: labour"));
        wait.until(d -> "live".equals(connection(d)));

        // and the stream was reopened with the filter: a culture story no longer shows, a labour one does
        fixtures.publish(article(feed, 5, "Osaka festival celebrates Vietnamese food", "culture", Duration.ofSeconds(30)));
        ClassifiedArticle later = article(feed, 6, "Japan widens the skilled-worker visa", "labour", Duration.ofSeconds(20));
        fixtures.publish(later);
        wait.until(d -> later.articleId().equals(firstShownId(d)));
        assertThat(shownIds(driver)).containsExactly(later.articleId(), labour.articleId(), olderLabour.articleId());

        // and the chart counts this feed's stories per topic over the last 24 hours
        wait.until(d -> !d.findElements(By.cssSelector("#chart svg .chart-row[data-topic='labour']")).isEmpty());
        saveScreenshot(driver, "newsroom.png");

        // and on a wall display, large type and high contrast are kept in the address too
        driver.findElement(By.id("large-type")).click();
        driver.findElement(By.id("high-contrast")).click();
        wait.until(ExpectedConditions.urlContains("view=contrast,large"));
        assertThat(driver.findElement(By.tagName("html")).getDomAttribute("class")).contains("large-type").contains("high-contrast");
        saveScreenshot(driver, "newsroom-wall.png");
        assertThat(consoleProblems(driver)).as("the browser console").isEmpty();
    }

    @Test
    void downloadSavesTheViewAsCsvFetchedWithTheKeyInAHeaderAndTheFeedLinkNamesTheView() throws Exception {
        // Given two labour stories and a culture story of a feed, and the page opened on the feed's labour stories
        String feed = feed();
        ClassifiedArticle quoted = article(feed, 1, "Gunma hires \"skilled\" workers, again", "labour", Duration.ofMinutes(30));
        ClassifiedArticle labour = article(feed, 2, "Vietnamese care workers arrive in Gunma", "labour", Duration.ofMinutes(20));
        ClassifiedArticle culture = article(feed, 3, "A Vietnamese film week opens in Tokyo", "culture", Duration.ofMinutes(10));
        IndexedArticles.index(List.of(quoted, labour, culture));
        driver.get(page("?feed=" + feed + "&topic=labour&api_key=" + TestKeys.READER));
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.until(d -> "live".equals(connection(d)));
        wait.until(d -> shownIds(d).size() == 2);

        // Then the Atom link names the view (its filters in the page's order), and leaves the key out
        assertThat(driver.findElement(By.id("feed-atom")).getDomProperty("href"))
                .isEqualTo(page("feeds/v1/articles.atom?topic=labour&feed=" + feed));

        // When the monitor clicks Download, the page's requests recorded
        driver.executeScript("window.recorded = []; const fetch = window.fetch; window.fetch = (url, init) => {"
                + " window.recorded.push({url: String(url), headers: Object.assign({}, init && init.headers)});"
                + " return fetch(url, init); };");
        driver.findElement(By.id("download")).click();

        // Then the export was asked for with the view's filters and an end, as CSV, the key in a header and not in the URL
        wait.until(d -> !((List<?>) driver.executeScript("return window.recorded.filter(r => r.url.includes('/api/v1/export'))")).isEmpty());
        @SuppressWarnings("unchecked")
        Map<String, Object> request = (Map<String, Object>) driver.executeScript(
                "return window.recorded.find(r => r.url.includes('/api/v1/export'))");
        URI asked = URI.create(page("").replaceAll("/$", "") + request.get("url"));
        assertThat(asked.getPath()).isEqualTo("/api/v1/export");
        assertThat(asked.getQuery()).startsWith("topic=labour&feed=" + feed + "&to=").doesNotContain("api_key");
        assertThat(Instant.parse(asked.getQuery().replaceAll(".*&to=", ""))).isBefore(Instant.now().plusSeconds(1));
        assertThat(request.get("headers")).isEqualTo(Map.of("X-Api-Key", TestKeys.READER, "Accept", "text/csv"));

        // and the file saved holds the two labour stories under a header row, the quotes in a title doubled
        WebElement status = driver.findElement(By.id("download-status"));
        wait.until(d -> !"running".equals(status.getDomAttribute("data-state")));
        assertThat(status.getText()).startsWith("Saved newsradar").contains(": 2 articles");
        Path saved = wait.until(d -> savedCsv(SystemChromium.downloads(profile)));
        List<String> lines = Files.readAllLines(saved, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("id,url,title,");
        assertThat(lines.get(1)).startsWith(labour.articleId() + ",");
        assertThat(lines.get(2)).startsWith(quoted.articleId() + ",").contains(",\"Gunma hires \"\"skilled\"\" workers, again\",");
        assertThat(String.join("\n", lines)).doesNotContain(culture.articleId());
        assertThat(consoleProblems(driver)).as("the browser console").isEmpty();
    }

    /** The CSV file the browser finished saving in the folder, or {@code null} while there is none. */
    private static Path savedCsv(Path downloads) {
        try (var files = Files.list(downloads)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".csv")).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    @Test
    void aTagScoredUnderTheThresholdIsShownApartAndTheMinConfidenceControlKeepsOnlyConfidentTags() throws Exception {
        // Given two labour stories of a feed, one whose labour tag is scored 0.3, under the page's threshold (0.5)
        String feed = feed();
        ClassifiedArticle confident = article(feed, 1, "Gunma factories hire more trainees", "labour", Duration.ofMinutes(20));
        ClassifiedArticle weak = withTopicScore(article(feed, 2, "Vietnamese care workers arrive in Gunma", "labour",
                Duration.ofMinutes(10)), 0.3);
        IndexedArticles.index(List.of(confident, weak));
        driver.get(page("?feed=" + feed + "&topic=labour&api_key=" + TestKeys.READER));
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.until(d -> "live".equals(connection(d)));
        wait.until(d -> shownIds(d).size() == 2);

        // Then the weak tag is dimmed with its score in the tooltip, and the confident one is not
        WebElement weakTopic = driver.findElement(By.cssSelector("#articles li[data-id='" + weak.articleId() + "'] .chip-topic"));
        assertThat(weakTopic.getDomAttribute("class")).contains("chip-low");
        assertThat(weakTopic.getDomAttribute("title")).startsWith("low confidence (0.30)");
        WebElement confidentTopic = driver.findElement(By.cssSelector("#articles li[data-id='" + confident.articleId() + "'] .chip-topic"));
        assertThat(confidentTopic.getDomAttribute("class")).doesNotContain("chip-low");

        // When the monitor sets the minimum confidence to 0.5
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("min-confidence"))).selectByValue("0.5");

        // Then only the article whose labour tag is scored 0.5 or more is listed, and the address and feed link keep it
        wait.until(d -> shownIds(d).equals(List.of(confident.articleId())));
        assertThat(driver.getCurrentUrl()).contains("minConfidence=0.5");
        assertThat(driver.findElement(By.id("feed-atom")).getDomProperty("href")).contains("minConfidence=0.5");
        assertThat(consoleProblems(driver)).isEmpty();
    }

    private static ClassifiedArticle withTopicScore(ClassifiedArticle a, double score) {
        List<io.newsradar.contracts.TopicTag> topics = a.topics().stream()
                .map(t -> new io.newsradar.contracts.TopicTag(t.topic(), score, t.evidence())).toList();
        return new ClassifiedArticle(a.schemaVersion(), a.article(), a.classifierVersion(), a.classifiedAt(), a.language(),
                a.pair(), a.countries(), a.regions(), topics);
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
        wait.until(d -> "live".equals(connection(d)));
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

    private String page(String pathAndQuery) {
        return GatewayClients.base(port) + "/" + pathAndQuery;
    }
}
