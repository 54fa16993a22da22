package io.newsradar.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The Elasticsearch distribution zip that Maven resolved, unpacked once per machine into a shared, world-readable
 * folder under the temporary directory (so that an unprivileged user can run it), and reused by every node.
 */
final class ElasticsearchDistribution {

    /** Set by the build (maven-dependency-plugin's {@code properties} goal) to the resolved zip. */
    static final String ZIP_PROPERTY = "newsradar.elasticsearch.distribution";
    static final String DEFAULT_VERSION = "8.19.21";

    private ElasticsearchDistribution() {
    }

    /**
     * Where the distribution and the nodes' folders go: the temporary directory, unless the node runs as
     * {@code nobody} and {@code nobody} cannot enter it (a {@code java.io.tmpdir} inside a private checkout or home),
     * then {@code /var/tmp}.
     */
    static Path temporaryRoot(boolean asNobody) {
        Path tmp = Paths.get(System.getProperty("java.io.tmpdir")).toAbsolutePath();
        if (!asNobody || NobodyAccess.problem(NobodyAccess.NOBODY, NobodyAccess.NOBODY, tmp, "x").isEmpty()) {
            return tmp;
        }
        return Paths.get("/var/tmp");
    }

    /** The distribution's home folder, unpacked under {@code parent} if it is not there yet. */
    static Path home(Path parent) {
        Path zip = locateZip();
        String name = zip.getFileName().toString().replaceFirst("\\.zip$", "");
        Path home;
        try {
            home = parent.resolve("newsradar-" + name + "-" + Files.size(zip)).resolve(name);
            if (!Files.isRegularFile(home.resolve("bin/elasticsearch"))) {
                unpack(zip, home.getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the Elasticsearch distribution " + zip, e);
        }
        return home;
    }

    private static Path locateZip() {
        String configured = System.getProperty(ZIP_PROPERTY, "");
        if (!configured.isBlank() && !configured.startsWith("${")) {
            Path zip = Paths.get(configured);
            if (Files.isRegularFile(zip)) {
                return zip;
            }
            throw new IllegalStateException(ZIP_PROPERTY + " names " + zip + ", which is not a file");
        }
        String repository = System.getProperty("maven.repo.local",
                Paths.get(System.getProperty("user.home"), ".m2", "repository").toString());
        Path zip = Paths.get(repository, "org", "elasticsearch", "distribution", "integ-test-zip", "elasticsearch",
                DEFAULT_VERSION, "elasticsearch-" + DEFAULT_VERSION + ".zip");
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("the Elasticsearch distribution is not at " + zip
                    + "; run the tests through Maven (./mvnw verify), which resolves it, or set -D" + ZIP_PROPERTY);
        }
        return zip;
    }

    /** Unpacks into a private folder, then moves it into place, so concurrent test JVMs never see half a copy. */
    private static void unpack(Path zip, Path target) throws IOException {
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, ".unpacking-");
        try (InputStream file = Files.newInputStream(zip); ZipInputStream in = new ZipInputStream(file)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path out = staging.resolve(entry.getName()).normalize();
                if (!out.startsWith(staging)) {
                    throw new IOException("zip entry escapes the target folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        makeWorldReadable(staging);
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
            deleteRecursively(staging);
        } catch (IOException e) {
            if (!Files.isDirectory(target)) {
                throw e;
            }
            deleteRecursively(staging);
        }
    }

    private static void makeWorldReadable(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                boolean executable = Files.isDirectory(p) || p.toString().endsWith(".so")
                        || p.getParent().getFileName().toString().equals("bin");
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
    }

    static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a temporary folder left behind is not worth failing a test run for
        }
    }
}
