package io.newsradar.story;

import io.newsradar.story.cli.CommandLine;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * story-service: puts each article of {@code news.articles.classified} into the story of the event it reports and
 * publishes the assignment (and any merge of two stories) to {@code news.stories}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StoryApplication {

    /** The service's configuration file is {@code story-service.yml}, so the services can share one classpath. */
    public static final String CONFIG_NAME = "story-service";

    /** The commands that run without Spring instead of starting the service. */
    public static final List<String> COMMANDS = List.of("cluster", "help", "--help", "-h");

    /** Starts the service, or runs the command line ({@code cluster}) when the first argument names one of its commands. */
    public static void main(String[] args) {
        if (args.length > 0 && COMMANDS.contains(args[0])) {
            System.exit(new CommandLine(System.in, System.out, System.err).run(args));
        }
        application().run(args);
    }

    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(StoryApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
        return application;
    }
}
