package io.newsradar.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node KRaft Kafka broker run as a child process, on free loopback ports, with newsradar's topics
 * ({@link KafkaLayout}). Unlike the in-process broker of {@link TestServers#kafka()} it can be stopped and started
 * again on the same port with its data, so a test can take Kafka away from running services and give it back.
 *
 * <pre>{@code
 * try (KafkaProcess kafka = KafkaProcess.start("restart")) {
 *     // services on kafka.bootstrapServers() …
 *     kafka.stop();     // SIGTERM: a controlled shutdown; topics, offsets and groups are kept
 *     kafka.restart();  // the same port, the same data
 * }
 * }</pre>
 *
 * <p>It runs {@code kafka.Kafka} from this JVM's class path (spring-kafka-test brings {@code kafka_2.13}), logging
 * warnings and its start-up line to {@link #logFile()}, whose tail a failure to start quotes. It is killed, and its
 * folder deleted, when it is closed or this JVM exits.
 */
public final class KafkaProcess implements KafkaServer, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaProcess.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final Path dir;
    private final Path logFile;
    private final int port = ElasticsearchNode.freePort();
    private final KafkaProcessFiles files;
    private final KafkaProbe probe;
    private final Thread killer;
    private Process process;
    private boolean closed;

    private KafkaProcess(String name) {
        this.name = name;
        try {
            this.dir = Files.createTempDirectory("newsradar-kafka-" + name + "-");
            this.logFile = ConsoleLog.file("kafka", name, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder of Kafka broker " + name, e);
        }
        this.files = KafkaProcessFiles.write(dir, port, ElasticsearchNode.freePort());
        this.probe = new KafkaProbe(bootstrapServers(), port);
        this.killer = new Thread(this::close, "kill-kafka-" + name);
        Runtime.getRuntime().addShutdownHook(killer);
    }

    /** Formats a new broker's storage, starts it, and creates newsradar's topics. */
    public static KafkaProcess start(String name) {
        Instant started = Instant.now();
        KafkaProcess kafka = new KafkaProcess(name);
        try {
            kafka.format();
            kafka.launch();
            kafka.createTopics();
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        log.atInfo().addKeyValue("bootstrapServers", kafka.bootstrapServers())
                .addKeyValue("seconds", Duration.between(started, Instant.now()).toMillis() / 1000.0)
                .addKeyValue("log", kafka.logFile).log("Kafka broker process started");
        return kafka;
    }

    @Override
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** The broker's console output, across its restarts. */
    public Path logFile() {
        return logFile;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Stops the broker as an operator would (SIGTERM, a controlled shutdown), keeping its data. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                log.warn("Kafka broker {} did not stop within {} s of SIGTERM; killing it", name, STOP_TIMEOUT.toSeconds());
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process = null;
    }

    /** Starts a stopped broker again on the same port with the same data, and waits until every topic has a leader. */
    public synchronized void restart() {
        stop();
        launch();
        awaitLeaders();
    }

    /** Kills the broker and deletes its data. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
        ElasticsearchDistribution.deleteRecursively(dir);
        if (Thread.currentThread() != killer) {
            try {
                Runtime.getRuntime().removeShutdownHook(killer);
            } catch (IllegalStateException e) {
                // the JVM is shutting down already
            }
        }
    }

    private void format() {
        String cluster = Uuid.randomUuid().toString();
        Process formatting = java("kafka.tools.StorageTool", "format", "-t", cluster, "-c", files.serverProperties().toString());
        try {
            if (!formatting.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || formatting.exitValue() != 0) {
                formatting.destroyForcibly();
                throw new IllegalStateException("formatting the storage of Kafka broker " + name + " failed; its log is "
                        + logFile + ":\n" + ConsoleLog.tail(logFile));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            formatting.destroyForcibly();
            throw new IllegalStateException("interrupted while formatting the storage of Kafka broker " + name, e);
        }
    }

    private synchronized void launch() {
        if (closed) {
            throw new IllegalStateException("Kafka broker " + name + " is closed");
        }
        process = java("kafka.Kafka", files.serverProperties().toString());
        await(probe::answers, "answer");
    }

    private Process java(String mainClass, String... args) {
        ProcessBuilder builder = new ProcessBuilder(files.command(mainClass, args)).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + mainClass + " for Kafka broker " + name, e);
        }
    }

    private void createTopics() {
        try {
            probe.create(KafkaLayout.topics(), START_TIMEOUT.toSeconds());
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create newsradar's topics on Kafka broker " + name + ": " + e.getMessage()
                    + "; its log is " + logFile + ":\n" + ConsoleLog.tail(logFile), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics on Kafka broker " + name, e);
        }
        awaitLeaders();
    }

    private void awaitLeaders() {
        List<String> topics = KafkaLayout.topics().stream().map(NewTopic::name).toList();
        await(() -> probe.haveLeaders(topics), "have a leader for every partition of newsradar's topics");
    }

    private interface Check {
        boolean passes() throws InterruptedException;
    }

    /** Until the check passes; fails, quoting the log, when the broker exits or the start timeout passes first. */
    private void await(Check check, String what) {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        try {
            while (!check.passes()) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Kafka broker " + name + " exited with code " + process.exitValue()
                            + " while starting; its log is " + logFile + ":\n" + ConsoleLog.tail(logFile));
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Kafka broker " + name + " did not " + what + " within "
                            + START_TIMEOUT.toSeconds() + " s; its log is " + logFile + ":\n" + ConsoleLog.tail(logFile));
                }
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka broker " + name + " to " + what, e);
        }
    }
}
