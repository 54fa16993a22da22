package io.newsradar.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The system's Chromium and ChromeDriver (Debian's {@code chromium} and {@code chromium-driver}), started headless with
 * the flags this machine's closed network needs. Selenium Manager is never asked for anything: the driver and the
 * browser are both given, so nothing is downloaded. As a JUnit condition, it skips a test class, saying why, on a
 * machine without them.
 */
final class SystemChromium implements ExecutionCondition {

    static final Path CHROMIUM = Path.of(System.getProperty("newsradar.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("newsradar.chromedriver", "/usr/bin/chromedriver"));

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        for (Path program : new Path[] {CHROMIUM, CHROMEDRIVER}) {
            if (!Files.isExecutable(program)) {
                return ConditionEvaluationResult.disabled("no " + program + " on this machine: install Debian's chromium and"
                        + " chromium-driver (apt-get install chromium chromium-driver, as .ci/run does) to run the browser test");
            }
        }
        return ConditionEvaluationResult.enabled("Chromium at " + CHROMIUM + ", ChromeDriver at " + CHROMEDRIVER);
    }

    /** Where the browser started in {@code userDataDir} saves downloads, without asking. */
    static Path downloads(Path userDataDir) {
        return userDataDir.resolve("downloads");
    }

    /**
     * A headless Chromium with a fresh profile in {@code userDataDir}, its console kept for {@code logs().get("browser")},
     * saving downloads in {@link #downloads}.
     */
    static ChromeDriver start(Path userDataDir, Path driverLog) throws IOException {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        System.setProperty("SE_AVOID_BROWSER_DOWNLOAD", "true");
        Files.createDirectories(driverLog.getParent());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + userDataDir, "--window-size=1440,1000", "--lang=en-GB");
        Files.createDirectories(downloads(userDataDir));
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads(userDataDir).toString(),
                "download.prompt_for_download", false));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().withLogFile(driverLog.toFile()).build();
        return new ChromeDriver(service, options);
    }
}
