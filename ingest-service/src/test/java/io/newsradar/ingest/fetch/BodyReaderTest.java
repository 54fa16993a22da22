package io.newsradar.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.newsradar.ingest.system.Deadline;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** {@link BodyReader}'s share of the bytes all fetches may hold at once. */
class BodyReaderTest {

    private static final URI URL = URI.create("https://news.example/feed.xml");
    private static final int KB = 1024;

    private final BytesInFlight inFlight = new BytesInFlight(1024 * KB);
    private final BodyReader reader = new BodyReader(10 * 1024 * KB, 1024 * KB, Duration.ofSeconds(5), inFlight);

    @Test
    void aBodyThatWouldPassWhatAllFetchesMayHoldIsATemporaryFailureAndHoldsNothing() {
        // Given other fetches holding 900 KB of the 1 MB budget
        assertThat(inFlight.tryReserve(900 * KB)).isTrue();

        // When a body of 300 KB is read
        FetchException failure = catchThrowableOfType(FetchException.class, () -> read(300 * KB));

        // Then it fails as temporary, naming the setting, and what it had reserved is given back
        assertThat(failure.isTemporary()).isTrue();
        assertThat(failure.getMessage()).startsWith(URL + ": the bodies being read hold")
                .contains("fetch.max-bytes-in-flight");
        assertThat(inFlight.held()).isEqualTo(900 * KB);
    }

    @Test
    void theSameBodyIsReadOnceTheOtherFetchesHaveGivenBackWhatTheyHeld() throws Exception {
        assertThat(inFlight.tryReserve(900 * KB)).isTrue();
        inFlight.release(900 * KB);

        byte[] body = read(300 * KB);

        assertThat(body).hasSize(300 * KB);
        assertThat(inFlight.held()).isZero();
    }

    @Test
    void aBodyPastItsOwnLimitGivesBackWhatItReserved() {
        FetchException failure = catchThrowableOfType(FetchException.class, () -> read(1100 * KB));

        assertThat(failure.isTemporary()).isFalse();
        assertThat(failure.getMessage()).contains("is larger than the " + 1024 * KB + "-byte limit");
        assertThat(inFlight.held()).isZero();
    }

    private byte[] read(int size) throws FetchException {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 'a');
        return reader.read(URL, new ByteArrayInputStream(bytes), null, -1, Deadline.after(Duration.ofSeconds(5)));
    }
}
