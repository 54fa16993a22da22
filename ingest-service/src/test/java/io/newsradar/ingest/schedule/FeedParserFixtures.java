package io.newsradar.ingest.schedule;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

final class FeedParserFixtures {

    private FeedParserFixtures() {
    }

    static String read(String name) throws IOException {
        try (InputStream in = FeedParserFixtures.class.getResourceAsStream("/feeds/" + name)) {
            if (in == null) {
                throw new IOException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
