package io.newsradar.index;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** index-service: writes {@code news.articles.classified} to Elasticsearch, one document per article id. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IndexApplication {

    /** The service's configuration file is {@code index-service.yml}, so the four services can share one classpath. */
    public static final String CONFIG_NAME = "index-service";

    public static void main(String[] args) {
        application().run(args);
    }

    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(IndexApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
        return application;
    }
}
