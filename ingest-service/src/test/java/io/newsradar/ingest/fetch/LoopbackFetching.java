package io.newsradar.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatObject;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.newsradar.ingest.fetch.FetchException.Kind;
import io.newsradar.testsupport.FeedServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.assertj.core.api.ObjectAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What {@link FeedFetcher}'s tests share: a loopback feed server per test, the fetchers a test makes (closed with the
 * server after it), settings that allow private networks with generous limits unless a test narrows one, and the
 * fixture files under {@code src/test/resources}.
 */
final class LoopbackFetching implements AfterEachCallback {

    static final String USER_AGENT = "newsradar-test/1 (+https://github.com/newsradar)";
    static final int MB = 1024 * 1024;
    /** A feed for the tests in which only the answer matters, not the items. */
    static final byte[] EMPTY_FEED = fixture("feeds/rss2-empty-channel.xml");

    final FeedServer server = FeedServer.start();
    private final List<FeedFetcher> fetchers = new ArrayList<>();

    @Override
    public void afterEach(ExtensionContext context) {
        fetchers.forEach(FeedFetcher::close);
        server.close();
    }

    URI url(String path) {
        return URI.create(server.url(path));
    }

    /** A fetcher with the test settings, as {@code change} narrows them. */
    FeedFetcher fetcher(Consumer<MutableSettings> change) {
        MutableSettings s = new MutableSettings();
        change.accept(s);
        FeedFetcher created = new FeedFetcher(new FetchSettings(USER_AGENT, s.connectTimeout, s.readTimeout, s.totalTimeout,
                s.maxBodyBytes, s.maxDecodedBytes, 5, s.allowPrivateNetworks, s.maxConnectionsPerHost, 10));
        fetchers.add(created);
        return created;
    }

    void awaitRequest(String path) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (server.requests(path).isEmpty() && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertThat(server.requests(path)).as("requests to %s", path).isNotEmpty();
    }

    /** The settings a test may narrow; the rest keep these values. */
    static final class MutableSettings {
        Duration connectTimeout = Duration.ofSeconds(2);
        Duration readTimeout = Duration.ofSeconds(5);
        Duration totalTimeout = Duration.ofSeconds(10);
        long maxBodyBytes = 10L * MB;
        long maxDecodedBytes = 10L * MB;
        boolean allowPrivateNetworks = true;
        int maxConnectionsPerHost = 2;
    }

    static ObjectAssert<FetchException> assertFailure(ThrowingCallable fetch, Kind kind, String messageStart) {
        Throwable thrown = catchThrowable(fetch);
        assertThat(thrown).isInstanceOf(FetchException.class);
        FetchException failure = (FetchException) thrown;
        assertThat(failure.getMessage()).startsWith(messageStart);
        assertThat(failure.kind()).as("kind of: %s", failure.getMessage()).isEqualTo(kind);
        assertThat(failure.isTemporary()).isEqualTo(kind == Kind.TEMPORARY);
        return assertThatObject(failure);
    }

    static byte[] fixture(String name) {
        try (InputStream in = LoopbackFetching.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as("fixture %s", name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String httpDate(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }
}
