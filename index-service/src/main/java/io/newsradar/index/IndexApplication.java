package io.newsradar.index;

import io.newsradar.index.stream.Replay;
import java.util.Arrays;
import java.util.Map;
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

    /**
     * Starts the service, or with {@code replay} re-indexes every record of {@code news.articles.classified} with the
     * service's configuration (brokers, Elasticsearch, bulk settings) and exits; a running service is not disturbed.
     */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("replay")) {
            System.exit(replay(Arrays.copyOfRange(args, 1, args.length)));
        }
        application().run(args);
    }

    private static int replay(String[] args) {
        SpringApplication application = application();
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME,
                "spring.cloud.stream.bindings.index-in-0.consumer.auto-startup", "false"));
        try (ConfigurableApplicationContext context = application.run(args)) {
            Replay.of(context, System.err).run();
            return 0;
        } catch (RuntimeException e) {
            System.err.println("replay failed: " + reason(e));
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
