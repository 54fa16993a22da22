package io.newsradar.alert;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * alert-service: matches every article of {@code news.articles.classified} against the saved searches of
 * {@code news.searches}, records each match on {@code news.alerts}, and delivers it to the search's webhook.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AlertApplication {

    /** The service's configuration file is {@code alert-service.yml}, so the services can share one classpath. */
    public static final String CONFIG_NAME = "alert-service";

    public static void main(String[] args) {
        application().run(args);
    }

    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(AlertApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
        return application;
    }
}
