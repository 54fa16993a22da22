package io.newsradar.ingest;

import io.newsradar.contracts.OpmlFeeds;
import io.newsradar.contracts.Redaction;
import io.newsradar.ingest.feed.FeedSeeder;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/** ingest-service: polls the feeds of the registry and publishes each new article to {@code news.articles.raw}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IngestApplication {

    /** The service's configuration file is {@code ingest-service.yml}, so the four services can share one classpath. */
    public static final String CONFIG_NAME = "ingest-service";

    /** Set by the commands, so the service itself (registry reader, scheduler) does not start. */
    static final String COMMAND_PROPERTY = "newsradar.ingest.command";

    /**
     * Starts the service, or runs {@code import-opml FILE}: writes every feed of an OPML subscription list to the
     * registry ({@code news.feeds}) with the service's configuration, reports each outline it could not use, and exits.
     */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("import-opml")) {
            System.exit(importOpml(Arrays.copyOfRange(args, 1, args.length), System.err));
        }
        application().run(args);
    }

    static int importOpml(String[] args, PrintStream out) {
        if (args.length == 0 || args[0].startsWith("--")) {
            out.println("usage: import-opml FILE [--spring.cloud.stream.kafka.binder.brokers=HOST:PORT]");
            return 2;
        }
        Path file = Path.of(args[0]);
        OpmlFeeds.Result result;
        try {
            result = OpmlFeeds.read(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            out.println("import-opml failed: cannot read " + file + ": " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            out.println("import-opml failed: " + Redaction.mask(e.getMessage()));
            return 1;
        }
        result.problems().forEach(problem -> out.println(file + ": " + Redaction.mask(problem)));
        SpringApplication application = application();
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME, COMMAND_PROPERTY, "import-opml",
                "spring.main.banner-mode", "off", "logging.level.root", "warn", "logging.level.org.apache.kafka", "error",
                "logging.level.org.springframework.boot.SpringApplication", "off"));
        try (ConfigurableApplicationContext context = application.run(Arrays.copyOfRange(args, 1, args.length))) {
            context.getBean(FeedSeeder.class).put(result.feeds());
            out.println("wrote " + count(result.feeds().size(), "feed") + " from " + file + " to news.feeds"
                    + (result.problems().isEmpty() ? "" : "; " + count(result.problems().size(), "outline") + " skipped"));
            return result.problems().isEmpty() ? 0 : 3;
        } catch (RuntimeException e) {
            out.println("import-opml failed: " + reason(e));
            return 1;
        }
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** The first message in the chain of causes that is not the framework's wrapper around it. */
    static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (!t.getClass().getName().startsWith("org.springframework.") && t.getMessage() != null) {
                return t.getMessage();
            }
        }
        return e.toString();
    }

    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(IngestApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
        return application;
    }
}
