package io.newsradar.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/** Where a server run as a child process writes its console output, and the end of it for an error message. */
final class ConsoleLog {

    private static final int TAIL_LINES = 30;

    private ConsoleLog() {
    }

    /**
     * {@code target/<folder>/<name>-console.log} when the tests run in a module (Maven's working directory), where it
     * outlives the server's temporary folder; else {@code <fallback>/<name>-console.log}.
     */
    static Path file(String folder, String name, Path fallback) throws IOException {
        Path logs = Files.isDirectory(Paths.get("target")) ? Paths.get("target", folder) : fallback;
        Files.createDirectories(logs);
        return logs.resolve(name + "-console.log").toAbsolutePath();
    }

    /** The last lines of the file, or why it could not be read. */
    static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }
}
