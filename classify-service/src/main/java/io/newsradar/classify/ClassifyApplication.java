package io.newsradar.classify;

import io.newsradar.classify.cli.CommandLine;
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

    /**
     * Starts the service, or runs the command line ({@code classify}, {@code evaluate}) without Spring when the first
     * argument names one of its commands.
     */
    public static void main(String[] args) {
        if (args.length > 0 && CommandLine.COMMANDS.contains(args[0])) {
            System.exit(new CommandLine(System.in, System.out, System.err).run(args));
        }
        application().run(args);
    }

    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(ClassifyApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
        return application;
    }
}
