package io.newsradar.classify;

import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * classify-service settings ({@code newsradar.classify.*}).
 *
 * @param dataDir a directory of classifier data files that take precedence over the bundled ones (a newsroom's own
 *                topics, aliases or regions; see docs/classifier.md), or {@code null} for the bundled data only
 */
@ConfigurationProperties("newsradar.classify")
public record ClassifyProperties(Path dataDir) {

    public ClassifyProperties {
        if (dataDir != null && !Files.isDirectory(dataDir)) {
            throw new IllegalArgumentException("newsradar.classify.data-dir " + dataDir + " is not a directory");
        }
    }
}
