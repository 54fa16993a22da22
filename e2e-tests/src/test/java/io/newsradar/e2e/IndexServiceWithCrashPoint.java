package io.newsradar.e2e;

import io.newsradar.index.IndexApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.messaging.Message;
import tools.jackson.databind.json.JsonMapper;

/**
 * index-service as a process of its own, for {@link IndexServiceKilledIT}, with a crash point when the system property
 * {@value #AFTER_ARTICLE} names an article. Once a batch holding that article has been written (index-service's
 * {@code index} consumer returned: Elasticsearch acknowledged every document of it), the batch's article ids go to the
 * file named by {@value #MARKER_FILE}, one a line, and the consumer thread hangs: the listener container never commits
 * the batch's offsets, and the test kills the process with SIGKILL. Without the property it is index-service as it is.
 * Either way the process halts when the JVM that started it is gone, so it cannot outlive a test run that was killed.
 */
final class IndexServiceWithCrashPoint {

    static final String AFTER_ARTICLE = "newsradar.test.crash-after-article";
    static final String MARKER_FILE = "newsradar.test.crash-marker-file";
    private static final Logger log = LoggerFactory.getLogger(IndexServiceWithCrashPoint.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private IndexServiceWithCrashPoint() {
    }

    public static void main(String[] args) {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(1)));
        SpringApplication application = IndexApplication.application();
        String articleId = System.getProperty(AFTER_ARTICLE);
        if (articleId != null) {
            String marker = System.getProperty(MARKER_FILE);
            if (marker == null) {
                throw new IllegalArgumentException("the system property " + MARKER_FILE + " is required with " + AFTER_ARTICLE);
            }
            CrashPoint crashPoint = new CrashPoint(articleId, Path.of(marker));
            application.addInitializers(context -> context.getBeanFactory().addBeanPostProcessor(crashPoint));
        }
        application.run(args);
    }

    /** Wraps the {@code index} bean, the consumer of {@code index-in-0} (IndexBinding#index). */
    private record CrashPoint(String articleId, Path marker) implements BeanPostProcessor {

        @Override
        @SuppressWarnings("unchecked")
        public Object postProcessAfterInitialization(Object bean, String name) {
            return name.equals("index") ? new CrashAfterWrite((Consumer<Message<List<?>>>) bean, articleId, marker) : bean;
        }
    }

    /** The consumer takes the batch as the binder delivers it: the values as bytes, with their keys and places in headers. */
    private record CrashAfterWrite(Consumer<Message<List<?>>> delegate, String articleId, Path marker)
            implements Consumer<Message<List<?>>> {

        @Override
        public void accept(Message<List<?>> batch) {
            delegate.accept(batch);
            List<String> ids = batch.getPayload().stream().map(CrashAfterWrite::articleIdOf).toList();
            if (ids.contains(articleId)) {
                writeMarker(ids);
                log.atWarn().addKeyValue("articleId", articleId).addKeyValue("batch", ids.size())
                        .log("crash point: the batch of {} records with {} is written; its offsets are never committed", ids.size(), articleId);
                hang();
            }
        }

        private static String articleIdOf(Object value) {
            if (value instanceof byte[] bytes) {
                return JSON.readTree(bytes).path("article").path("articleId").asString();
            }
            return value instanceof String text ? JSON.readTree(text).path("article").path("articleId").asString() : "";
        }

        private void writeMarker(List<String> ids) {
            try {
                Path partial = marker.resolveSibling(marker.getFileName() + ".partial");
                Files.write(partial, ids);
                Files.move(partial, marker, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the crash marker " + marker, e);
            }
        }

        /** Until the process is killed; an interrupt (the container stopping) does not let the batch be committed. */
        private static void hang() {
            while (true) {
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    // stays: returning would let the container commit the batch
                }
            }
        }
    }
}
