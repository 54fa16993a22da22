package io.newsradar.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * The folder a {@link KafkaProcess} runs in: its KRaft configuration (one node, broker and controller, on loopback),
 * its data, the logging of whichever binding this class path has (Logback or Log4j 2: warnings and the start-up line),
 * and the JVM command line that runs a Kafka main class from this JVM's class path.
 */
final class KafkaProcessFiles {

    private final Path dir;

    private KafkaProcessFiles(Path dir) {
        this.dir = dir;
    }

    /** Writes the configuration of a broker on these ports into the folder. */
    static KafkaProcessFiles write(Path dir, int port, int controllerPort) {
        KafkaProcessFiles files = new KafkaProcessFiles(dir);
        try {
            Files.write(files.serverProperties(), serverProperties(dir.resolve("data"), port, controllerPort));
            Files.writeString(dir.resolve("logback.xml"), """
                    <configuration>
                      <appender name="console" class="ch.qos.logback.core.ConsoleAppender">
                        <encoder><pattern>[%d] %level %msg [%logger]%n</pattern></encoder>
                      </appender>
                      <logger name="kafka.server.KafkaRaftServer" level="INFO"/>
                      <root level="WARN"><appender-ref ref="console"/></root>
                    </configuration>
                    """);
            Files.writeString(dir.resolve("log4j2.properties"), String.join("\n",
                    "status = warn",
                    "appender.console.type = Console",
                    "appender.console.name = console",
                    "appender.console.layout.type = PatternLayout",
                    "appender.console.layout.pattern = [%d] %p %m [%c]%n",
                    "rootLogger.level = warn",
                    "rootLogger.appenderRef.console.ref = console",
                    "logger.server.name = kafka.server.KafkaRaftServer",
                    "logger.server.level = info",
                    ""));
            // In an argument file: a test class path can be longer than one command-line argument may be.
            String classPath = System.getProperty("java.class.path").replace("\\", "\\\\").replace("\"", "\\\"");
            Files.writeString(files.classPathArguments(), "-cp \"" + classPath + "\"\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the configuration of a Kafka broker in " + dir, e);
        }
        return files;
    }

    Path serverProperties() {
        return dir.resolve("server.properties");
    }

    /** {@code java … mainClass args}: a small heap, quick start-up, this folder's logging and this JVM's class path. */
    List<String> command(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms256m", "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Djava.awt.headless=true",
                "-Dlogback.configurationFile=" + dir.resolve("logback.xml"),
                "-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties"),
                "-Djava.io.tmpdir=" + dir,
                "@" + classPathArguments(),
                mainClass));
        command.addAll(List.of(args));
        return command;
    }

    private Path classPathArguments() {
        return dir.resolve("classpath.args");
    }

    private static List<String> serverProperties(Path data, int port, int controllerPort) {
        List<String> lines = new ArrayList<>(List.of(
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + data,
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=" + KafkaLayout.PARTITIONS,
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1"));
        KafkaLayout.brokerProperties().forEach((key, value) -> lines.add(key + "=" + value));
        return lines;
    }
}
