package io.newsradar.classify;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** classify-service: tags each article of {@code news.articles.raw} and publishes it to {@code news.articles.classified}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ClassifyApplication {

    /** The service's configuration file is {@code classify-service.yml}, so the four services can share one classpath. */
    public static final String CONFIG_NAME = "classify-service";

    public static void main(String[] args) {
        application().run(args);
    }

    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(ClassifyApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
        return application;
    }
}
