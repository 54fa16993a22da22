package io.newsradar.testsupport;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Elasticsearch, run as a child process on free loopback ports from the distribution Maven
 * resolved. When the JVM runs as root, the node runs as {@code nobody} (Elasticsearch refuses root), from folders
 * outside the checkout that {@code nobody} can reach whatever the checkout's path (the temporary directory, else
 * {@code /var/tmp}), checked before it starts. Its console output goes to {@link #logFile()}, written by this JVM;
 * the node stops when {@link #stop()} is called or the JVM exits.
 */
public final class ElasticsearchNode implements ElasticsearchServer {

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchNode.class);
    private static final int NOBODY = NobodyAccess.NOBODY;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final Path home;
    private final Path nodeDir;
    private final Path logFile;
    private final String name;
    private final boolean asNobody;
    private int httpPort;
    private int transportPort;
    private Process process;

    private ElasticsearchNode(String name) {
        this.name = name;
        this.asNobody = new UnixSystem().getUid() == 0;
        Path parent = ElasticsearchDistribution.temporaryRoot(asNobody);
        this.home = ElasticsearchDistribution.home(parent);
        try {
            this.nodeDir = Files.createTempDirectory(parent, "newsradar-es-" + name + "-");
            this.logFile = ConsoleLog.file("elasticsearch", name, nodeDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the Elasticsearch node folder", e);
        }
    }

    /** Starts a node and waits until it is green. */
    public static ElasticsearchNode start(String name) {
        ElasticsearchNode node = new ElasticsearchNode(name);
        Runtime.getRuntime().addShutdownHook(new Thread(node::destroy, "stop-elasticsearch-" + name));
        node.startProcess();
        return node;
    }

    @Override
    public String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    @Override
    public String diagnostics() {
        return "Elasticsearch node '" + name + "' at " + url() + ", log " + logFile;
    }

    /** The node's console output: everything it logged. */
    public Path logFile() {
        return logFile;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Stops the node, keeping its data, so that {@link #restart()} brings the same indices back. */
    public void stop() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                tree.forEach(ProcessHandle::destroyForcibly);
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            tree.forEach(ProcessHandle::destroyForcibly);
        }
        process = null;
    }

    /** Starts a stopped node again on the same ports with the same data. */
    public void restart() {
        stop();
        launch();
        awaitGreen();
    }

    private void destroy() {
        stop();
        ElasticsearchDistribution.deleteRecursively(nodeDir);
    }

    private void startProcess() {
        httpPort = freePort();
        transportPort = freePort();
        try {
            writeConfiguration();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the configuration of Elasticsearch node " + name, e);
        }
        Instant started = Instant.now();
        launch();
        awaitGreen();
        log.atInfo().addKeyValue("url", url()).addKeyValue("seconds", Duration.between(started, Instant.now()).toMillis() / 1000.0)
                .addKeyValue("log", logFile).log("Elasticsearch node started");
    }

    private void writeConfiguration() throws IOException {
        Path config = nodeDir.resolve("config");
        Files.createDirectories(config);
        try (Stream<Path> files = Files.list(home.resolve("config"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(f)) {
                    Files.copy(f, config.resolve(f.getFileName()));
                }
            }
        }
        Files.createDirectories(config.resolve("jvm.options.d"));
        Files.writeString(config.resolve("elasticsearch.yml"), String.join("\n",
                "cluster.name: newsradar-test",
                "node.name: " + name,
                "path.data: " + nodeDir.resolve("data"),
                "path.logs: " + nodeDir.resolve("logs"),
                "network.host: 127.0.0.1",
                "http.port: " + httpPort,
                "transport.port: " + transportPort,
                "discovery.type: single-node",
                "xpack.security.enabled: false",
                "cluster.routing.allocation.disk.threshold_enabled: false",
                "action.destructive_requires_name: false",
                ""));
        for (String dir : List.of("data", "logs", "tmp")) {
            Files.createDirectories(nodeDir.resolve(dir));
        }
        if (asNobody) {
            chownToNobody(nodeDir);
            requireNobodyCanReach();
        }
    }

    /** Fails in one line, before starting, when {@code nobody} cannot reach what the node needs. */
    private void requireNobodyCanReach() {
        Path java = Path.of(System.getProperty("java.home"));
        List<Map.Entry<Path, String>> needs = List.of(Map.entry(home.resolve("bin/elasticsearch"), "rx"),
                Map.entry(home.resolve("lib"), "rx"), Map.entry(home.resolve("modules"), "rx"),
                Map.entry(java.resolve("bin/java"), "rx"), Map.entry(java.resolve("lib"), "rx"),
                Map.entry(nodeDir.resolve("config"), "rx"), Map.entry(nodeDir.resolve("data"), "rwx"),
                Map.entry(nodeDir.resolve("logs"), "rwx"), Map.entry(nodeDir.resolve("tmp"), "rwx"));
        for (Map.Entry<Path, String> need : needs) {
            NobodyAccess.problem(NOBODY, NOBODY, need.getKey(), need.getValue()).ifPresent(problem -> {
                throw new IllegalStateException("Elasticsearch node " + name + " runs as nobody, and " + problem
                        + "; make it reachable, or set -Djava.io.tmpdir to a folder nobody can enter");
            });
        }
    }

    private void launch() {
        List<String> command = new ArrayList<>();
        if (asNobody) {
            command.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"));
        }
        command.add(home.resolve("bin/elasticsearch").toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(nodeDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        String tmp = nodeDir.resolve("tmp").toString();
        builder.environment().put("ES_JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("ES_PATH_CONF", nodeDir.resolve("config").toString());
        builder.environment().put("ES_JAVA_OPTS", "-Xms512m -Xmx512m -XX:TieredStopAtLevel=1");
        builder.environment().put("ES_TMPDIR", tmp);
        builder.environment().put("CLI_JAVA_OPTS", "-Djava.io.tmpdir=" + tmp);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Elasticsearch from " + home, e);
        }
    }

    private void awaitGreen() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(url() + "/_cluster/health?wait_for_status=green&timeout=2s"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Elasticsearch node " + name + " exited with code " + process.exitValue()
                        + " while starting; its log is " + logFile + ":\n" + tail());
            }
            try {
                HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"status\":\"green\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Elasticsearch", e);
            }
            sleep(250);
        }
        throw new IllegalStateException("Elasticsearch node " + name + " was not green within " + START_TIMEOUT.toSeconds()
                + " s; its log is " + logFile + ":\n" + tail());
    }

    private String tail() {
        return ConsoleLog.tail(logFile);
    }

    private static void chownToNobody(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Files.setAttribute(p, "unix:uid", NOBODY);
                Files.setAttribute(p, "unix:gid", NOBODY);
            }
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Elasticsearch", e);
        }
    }
}
