package io.newsradar.gateway.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch._types.FieldValue;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CursorTest {

    private static final CursorKey KEY = CursorKey.of("a cursor key of thirty-two characters or more");
    private static final String FINGERPRINT = "0123456789abcdef";
    private static final List<FieldValue> NEWEST = List.of(FieldValue.of(1_780_000_000_000L), FieldValue.of("AAAAAAAAAAAAAAAAAAAAAA"));

    @Test
    void readsBackWhatItWroteForEachSort() {
        Cursor newest = new Cursor("", NEWEST, FINGERPRINT);
        Cursor relevance = new Cursor("46ToAwMDaWR5BXV1aWQy+/=", List.of(FieldValue.of(1.5), NEWEST.get(0), NEWEST.get(1)), FINGERPRINT);

        Cursor newestRead = Cursor.decode(newest.encode(KEY), KEY, ArticleQuery.Sort.NEWEST);
        Cursor relevanceRead = Cursor.decode(relevance.encode(KEY), KEY, ArticleQuery.Sort.RELEVANCE);

        assertThat(newestRead.after()).extracting(v -> v._get()).containsExactly(1_780_000_000_000L, "AAAAAAAAAAAAAAAAAAAAAA");
        assertThat(newestRead.pit()).isEmpty();
        assertThat(relevanceRead.after()).extracting(v -> v._get()).containsExactly(1.5, 1_780_000_000_000L, "AAAAAAAAAAAAAAAAAAAAAA");
        assertThat(relevanceRead.pit()).isEqualTo(relevance.pit());
        assertThat(relevanceRead.filters()).isEqualTo(FINGERPRINT);
    }

    @Test
    void refusesACursorSignedByAnotherGateway() {
        String other = new Cursor("", NEWEST, FINGERPRINT).encode(CursorKey.of(null));

        assertRefused(other, "its signature is not this API's");
    }

    @Test
    void refusesACursorWhoseContentWasChanged() {
        String cursor = new Cursor("", NEWEST, FINGERPRINT).encode(KEY);
        String payload = new String(Base64.getUrlDecoder().decode(cursor.substring(0, cursor.indexOf('.'))), StandardCharsets.UTF_8);
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.replace("\"p\":\"\"", "\"p\":\"forged-pit\"")
                .getBytes(StandardCharsets.UTF_8)) + cursor.substring(cursor.indexOf('.'));

        assertRefused(forged, "its signature is not this API's");
    }

    /** Even signed by this gateway (so past the signature), a cursor of the wrong shape never reaches Elasticsearch. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("signedButMalformed")
    void refusesASignedCursorThatDoesNotFitTheSort(String name, Cursor cursor, String why) {
        assertRefused(cursor.encode(KEY), why);
    }

    static Stream<Arguments> signedButMalformed() {
        return Stream.of(
                Arguments.of("one value", new Cursor("", NEWEST.subList(0, 1), FINGERPRINT), "it holds 1 sort values where this sort has 2"),
                Arguments.of("1,000 values", new Cursor("", Collections.nCopies(1000, FieldValue.of(1L)), FINGERPRINT), "it holds 1000 sort values"),
                Arguments.of("a string for the time", new Cursor("", List.of(FieldValue.of("x"), NEWEST.get(1)), FINGERPRINT), "publication time"),
                Arguments.of("a null for the time", new Cursor("", List.of(FieldValue.NULL, NEWEST.get(1)), FINGERPRINT), "publication time"),
                Arguments.of("a number for the id", new Cursor("", List.of(NEWEST.get(0), FieldValue.of(7L)), FINGERPRINT), "article id"),
                Arguments.of("a pit with quotes", new Cursor("\"}{", NEWEST, FINGERPRINT), "its parts are not those of a cursor"),
                Arguments.of("a fingerprint of another shape", new Cursor("", NEWEST, "not-hex"), "its parts are not those of a cursor"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notCursors")
    void refusesTextThatIsNoCursorNamingTheParameter(String name, String text, String why) {
        assertRefused(text, why);
    }

    static Stream<Arguments> notCursors() {
        return Stream.of(
                Arguments.of("empty", "", "it is not of the form a cursor has"),
                Arguments.of("no signature", "eyJwIjoiIn0", "it is not of the form a cursor has"),
                Arguments.of("not base64", "e%yJ.abc", "it is not of the form a cursor has"),
                Arguments.of("a truncated base64 payload", "A." + "A".repeat(43), "it is not of the form a cursor has"),
                Arguments.of("JSON, unsigned", "{\"p\":\"\",\"a\":[1,\"x\"],\"f\":\"0\"}", "it is not of the form a cursor has"));
    }

    @Test
    void refusesAnOverLongCursorSayingTheLimit() {
        assertThatThrownBy(() -> Cursor.decode("A".repeat(Cursor.MAX_LENGTH + 1), KEY, ArticleQuery.Sort.NEWEST))
                .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.parameter()).isEqualTo("cursor"))
                .hasMessage("cursor must be at most 4096 characters, was 4097");
    }

    @Test
    void refusesAShortKeySetting() {
        assertThatThrownBy(() -> CursorKey.of("short")).hasMessageContaining("newsradar.gateway.cursor-key must hold at least 32 characters");
    }

    private static void assertRefused(String text, String why) {
        assertThatThrownBy(() -> Cursor.decode(text, KEY, ArticleQuery.Sort.NEWEST))
                .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.parameter()).isEqualTo("cursor"))
                .hasMessageStartingWith("cursor must be the 'next' value of a previous page, unchanged: ")
                .hasMessageContaining(why);
    }
}
