package io.newsradar.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.newsradar.index.admin.Reindex;
import io.newsradar.index.stream.Replay;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/** index-service: writes {@code news.articles.classified} to Elasticsearch, one document per article id. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IndexApplication {

    /** The service's configuration file is {@code index-service.yml}, so the four services can share one classpath. */
    public static final String CONFIG_NAME = "index-service";

    /** The commands that run once with the service's configuration and exit, instead of starting the service. */
    public static final Set<String> COMMANDS = Set.of("replay", "reindex");

    /**
     * Starts the service, or runs one of its {@link #COMMANDS} with the service's configuration (brokers,
     * Elasticsearch, bulk settings) and exits; a running service is not disturbed:
     * <ul>
     *   <li>{@code replay}: re-indexes every record of {@code news.articles.classified};</li>
     *   <li>{@code reindex}: moves the articles to a new index with the current mapping and swaps the alias.</li>
     * </ul>
     */
    public static void main(String[] args) {
        if (args.length > 0 && COMMANDS.contains(args[0])) {
            System.exit(command(args[0], Arrays.copyOfRange(args, 1, args.length)));
        }
        application().run(args);
    }

    private static int command(String name, String[] args) {
        SpringApplication application = application();
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME,
                "spring.cloud.stream.bindings.index-in-0.consumer.auto-startup", "false",
                "spring.main.banner-mode", "off", "logging.level.root", "warn", "logging.level.org.apache.kafka", "error",
                // A failure is reported in one line below, not as the framework's stack trace.
                "logging.level.org.springframework.boot.SpringApplication", "off"));
        try (ConfigurableApplicationContext context = application.run(args)) {
            if (name.equals("replay")) {
                Replay.of(context, System.err).run();
            } else {
                new Reindex(context.getBean(ElasticsearchClient.class), System.err, Duration.ofSeconds(5)).run();
            }
            return 0;
        } catch (RuntimeException e) {
            System.err.println(name + " failed: " + reason(e));
            return 1;
        }
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
        SpringApplication application = new SpringApplication(IndexApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
        return application;
    }
}
