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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The newsroom page through a reconnect and a {@code gap}, in the system's headless Chromium: a gateway whose streams
 * end after 3 s without an article, and whose resumes send at most 2 articles. The browser resumes by itself with
 * {@code Last-Event-ID}; the resume stops at a {@code resume-limit} gap; the page resumes from it with
 * {@code lastEventId=} and says the gap was recovered.
 */
@ExtendWith(SystemChromium.class)
@RunningGateway
class NewsroomGapIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Value("${local.server.port}")
    int port;
    @Autowired
    LiveArticles live;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("newsradar.gateway.live.idle-timeout", () -> "3s");
        registry.add("newsradar.gateway.live.max-resume", () -> 2);
    }

    @Test
    void articlesMissedWhileReconnectingComeThroughAGapAndThePageSaysItRecovered() throws Exception {
        assertThat(live.awaitReading(WAIT)).as("the gateway reads news.articles.classified").isTrue();
        IndexedArticles.index(List.of());
        Path profile = Files.createTempDirectory("newsradar-chromium-");
        ChromeDriver driver = SystemChromium.start(profile, Path.of("target", "chromedriver-gap.log"));
        try (NewsroomFixtures fixtures = new NewsroomFixtures()) {
            // Given the page on a feed, which got one article live
            String feed = feed();
            driver.get(GatewayClients.base(port) + "/?feed=" + feed + "&api_key=" + TestKeys.READER);
            WebDriverWait wait = new WebDriverWait(driver, WAIT);
            wait.until(d -> "live".equals(connection(d)));
            ClassifiedArticle first = article(feed, 0, "Gunma opens a training centre", "labour", Duration.ofMinutes(5));
            fixtures.publish(first);
            wait.until(d -> first.articleId().equals(firstShownId(d)));

            // When its stream ends (3 s without an article) and four articles are classified before the browser reconnects
            wait.until(d -> "reconnecting".equals(connection(d)));
            List<String> missed = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                ClassifiedArticle a = article(feed, i, "Story " + i + " missed while reconnecting", "labour", Duration.ofMinutes(4));
                fixtures.publish(a);
                missed.add(a.articleId());
            }

            // Then the resume brings two, stops at a gap, the page resumes from it, and says the gap was recovered
            wait.until(d -> "recovered".equals(connection(d)));
            assertThat(driver.findElement(By.id("connection")).getText()).startsWith("live · gap recovered");
            // (each once, above the first; the gateway read them from different partitions, so in no set order)
            List<String> shown = shownIds(driver);
            assertThat(shown).hasSize(5).endsWith(first.articleId());
            assertThat(shown.subList(0, 4)).containsExactlyInAnyOrderElementsOf(missed);
            saveScreenshot(driver, "newsroom-gap-recovered.png");
            assertThat(consoleProblems(driver)).as("the browser console").isEmpty();
        } finally {
            driver.quit();
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
