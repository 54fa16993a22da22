package io.newsradar.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The permission check run before the test's Elasticsearch starts as nobody, over folders made for each case. */
class NobodyAccessTest {

    private static final int STRANGER = 54321;

    @TempDir
    Path temp;

    private Path checkout;
    private Path script;

    @BeforeEach
    void layOutACheckout() throws IOException {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
        checkout = Files.createDirectories(temp.resolve("private/nr/.newsradar/es/bin"));
        script = Files.writeString(checkout.resolve("elasticsearch"), "#!/bin/sh\n");
        for (Path p = checkout; !p.equals(temp); p = p.getParent()) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void aPathOpenAllTheWayHasNoProblem() {
        assertThat(NobodyAccess.problem(STRANGER, STRANGER, script, "rx")).isEmpty();
        assertThat(NobodyAccess.problem(STRANGER, STRANGER, checkout, "rx")).isEmpty();
    }

    @Test
    void aFolderOnTheWayClosedToOthersIsNamedInOneLine() throws IOException {
        Path closed = temp.resolve("private");
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));

        assertThat(NobodyAccess.problem(STRANGER, STRANGER, script, "rx")).hasValueSatisfying(problem -> assertThat(problem)
                .isEqualTo("uid " + STRANGER + " cannot enter " + closed + " (mode 700, uid " + new UnixSystem().getUid()
                        + ", gid " + new UnixSystem().getGid() + "), on the way to " + script)
                .doesNotContain("\n"));
    }

    @Test
    void saysNobodyForNobody() throws IOException {
        Files.setPosixFilePermissions(temp.resolve("private"), PosixFilePermissions.fromString("rwx------"));

        assertThat(NobodyAccess.problem(NobodyAccess.NOBODY, NobodyAccess.NOBODY, script, "x")).hasValueSatisfying(problem ->
                assertThat(problem).startsWith("nobody cannot enter " + temp.resolve("private")));
    }

    @Test
    void namesEachRightThePathItselfDenies() throws IOException {
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr--r--"));
        Files.setPosixFilePermissions(checkout, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThat(NobodyAccess.problem(STRANGER, STRANGER, script, "rx")).hasValue(
                "uid " + STRANGER + " cannot execute " + script + " (mode 744, uid " + new UnixSystem().getUid()
                        + ", gid " + new UnixSystem().getGid() + ")");
        assertThat(NobodyAccess.problem(STRANGER, STRANGER, checkout, "rwx")).hasValueSatisfying(problem ->
                assertThat(problem).startsWith("uid " + STRANGER + " cannot write " + checkout + " "));
    }

    @Test
    void readsTheOwnersBitsForTheOwnerAndTheGroupsForTheGroup() throws IOException {
        int uid = (int) new UnixSystem().getUid();
        int gid = (int) new UnixSystem().getGid();
        Path closed = temp.resolve("private");
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));
        assertThat(NobodyAccess.problem(uid, STRANGER, script, "rx")).isEmpty();

        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwxr-x---"));
        assertThat(NobodyAccess.problem(STRANGER, gid, script, "rx")).isEmpty();
        assertThat(NobodyAccess.problem(STRANGER, STRANGER, script, "rx")).isPresent();
    }

    @Test
    void followsALinkAndChecksTheWayToWhatItPointsAt() throws IOException {
        Path open = Files.createDirectories(temp.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path link = Files.createSymbolicLink(open.resolve("es"), checkout);
        Files.setPosixFilePermissions(temp.resolve("private"), PosixFilePermissions.fromString("rwx------"));

        assertThat(NobodyAccess.problem(STRANGER, STRANGER, link.resolve("elasticsearch"), "rx")).hasValueSatisfying(problem ->
                assertThat(problem).startsWith("uid " + STRANGER + " cannot enter " + temp.resolve("private")));
    }

    @Test
    void aMissingPathIsSaidToBeMissing() {
        assertThat(NobodyAccess.problem(STRANGER, STRANGER, checkout.resolve("java"), "rx"))
                .hasValue(checkout.resolve("java") + " does not exist");
    }

    @Test
    void refusesAModeLetterItDoesNotKnow() {
        assertThatThrownBy(() -> NobodyAccess.problem(STRANGER, STRANGER, script, "rq"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'q'");
    }
}
