package io.newsradar.gateway;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** api-gateway: the reactive API over the article index. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    /** The service's configuration file is {@code api-gateway.yml}, so the four services can share one classpath. */
    public static final String CONFIG_NAME = "api-gateway";

    public static void main(String[] args) {
        application().run(args);
    }

    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(GatewayApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
        return application;
    }
}
