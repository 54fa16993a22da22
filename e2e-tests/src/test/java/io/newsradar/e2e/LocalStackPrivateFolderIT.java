package io.newsradar.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The newcomer's first command from a clone in a folder only root can enter (mode 700, as root's home and
 * {@code mktemp -d} are): {@code ./newsradar up} brings everything up, Elasticsearch running as {@code nobody} from a
 * folder outside the checkout, and {@code ./newsradar down} stops it all. Skipped, with the reason, when it cannot
 * run here: not root (then Elasticsearch runs as the user and the case does not arise), no git or setpriv, or a port
 * the stack needs is busy. Jars already built in this checkout are copied into the clone, so that {@code up} does
 * not build them again.
 */
class LocalStackPrivateFolderIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String VERSION = "0.1.0-SNAPSHOT";
    private static final List<Integer> PORTS = List.of(8080, 8081, 8082, 8083, 8084, 8085, 8090, 9092, 9093, 9200, 9300);
    private static final Map<String, String> JARS = Map.of(
            "ingest-service", "ingest-service-" + VERSION + "-exec.jar",
            "classify-service", "classify-service-exec.jar",
            "index-service", "index-service-" + VERSION + "-exec.jar",
            "story-service", "story-service-exec.jar",
            "alert-service", "alert-service-exec.jar",
            "api-gateway", "api-gateway-" + VERSION + "-exec.jar",
            "demo-feeds", "demo-feeds-" + VERSION + ".jar");

    @Test
    void upAndDownWorkFromACloneInAFolderOnlyRootCanEnter() throws Exception {
        assumeTrue(new UnixSystem().getUid() == 0, "runs as root only: as another user Elasticsearch runs as that user");
        assumeTrue(onPath("git") && onPath("setpriv"), "needs git and setpriv (util-linux) on the PATH");
        assumeTrue(Files.exists(ROOT.resolve(".git")), "needs the checkout to be a git repository, to clone it");
        List<Integer> busy = PORTS.stream().filter(LocalStackPrivateFolderIT::inUse).toList();
        assumeTrue(busy.isEmpty(), "ports the local stack needs are busy: " + busy);

        Path privateFolder = Files.createTempDirectory("newsradar-private-");
        Files.setPosixFilePermissions(privateFolder, PosixFilePermissions.fromString("rwx------"));
        Path clone = privateFolder.resolve("nr");
        Path output = Files.createDirectories(Path.of("target/local-stack").toAbsolutePath());
        try {
            assertThat(run(ROOT, output.resolve("clone.log"), Duration.ofMinutes(2), "git", "clone", "-q", ROOT.toString(), clone.toString()))
                    .as("git clone").isZero();
            copyBuiltJars(clone);

            Instant began = Instant.now();
            int up = run(clone, output.resolve("up.log"), Duration.ofMinutes(20), "./newsradar", "up");
            String upLog = Files.readString(output.resolve("up.log"));
            System.out.printf("./newsradar up from %s: %d s, exit %d%n", clone, Duration.between(began, Instant.now()).toSeconds(), up);
            assertThat(up).as("./newsradar up:%n%s", upLog).isZero();
            assertThat(upLog).contains("newsradar is up", "webhook receiver");

            Path base = Path.of(Files.readString(clone.resolve(".newsradar/elasticsearch.path")).strip());
            assertThat(base.startsWith(privateFolder)).as("Elasticsearch's folder %s is inside %s", base, privateFolder).isFalse();
            assertThat(clone.resolve(".newsradar/elasticsearch")).doesNotExist();
            assertThat(Files.readString(clone.resolve(".newsradar/logs/elasticsearch.log"))).doesNotContain("Permission denied");
            assertThat(Files.getOwner(base.resolve("data")).getName()).isEqualTo("nobody");
        } finally {
            if (Files.exists(clone.resolve("newsradar"))) {
                int down = run(clone, output.resolve("down.log"), Duration.ofMinutes(3), "./newsradar", "down");
                assertThat(down).as("./newsradar down: %s", Files.readString(output.resolve("down.log"))).isZero();
                try (Stream<Path> pids = Files.list(clone.resolve(".newsradar/pids"))) {
                    assertThat(pids.toList()).as("processes left by down").isEmpty();
                }
                assertThat(PORTS.stream().filter(LocalStackPrivateFolderIT::inUse).toList()).as("ports still listening").isEmpty();
                Path marker = clone.resolve(".newsradar/elasticsearch.path");
                if (Files.exists(marker)) {
                    deleteRecursively(Path.of(Files.readString(marker).strip()));
                }
            }
            deleteRecursively(privateFolder);
        }
    }

    /** Jars built in this checkout, copied into the clone newer than its sources, so that up does not rebuild them. */
    private static void copyBuiltJars(Path clone) throws IOException {
        FileTime now = FileTime.from(Instant.now());
        for (Map.Entry<String, String> jar : JARS.entrySet()) {
            Path built = ROOT.resolve(jar.getKey()).resolve("target").resolve(jar.getValue());
            if (Files.isRegularFile(built)) {
                Path copy = Files.createDirectories(clone.resolve(jar.getKey()).resolve("target")).resolve(jar.getValue());
                Files.copy(built, copy);
                Files.setLastModifiedTime(copy, now);
            }
        }
    }

    private static int run(Path directory, Path log, Duration timeout, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout + ":\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        return process.exitValue();
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":")).anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    private static boolean inUse(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return socket.isConnected();
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
