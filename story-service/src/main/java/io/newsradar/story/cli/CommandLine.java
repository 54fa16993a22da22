package io.newsradar.story.cli;

import io.newsradar.story.event.Assignment;
import io.newsradar.story.event.StoryClusterer;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Story clustering from the command line, without Kafka:
 * <pre>
 *   cluster [--in FILE] [--out FILE] [--threshold X]    JSON Lines articles in (stdin), assignments out (stdout)
 * </pre>
 * Articles are taken in file order; each output line gives the article's story after the whole file (so after any
 * merge) with the evidence of its assignment. A bad line gets an {@code "error"} and the run goes on.
 */
public final class CommandLine {

    private final InputStream stdin;
    private final PrintStream stdout;
    private final PrintStream stderr;
    private final JsonMapper json = JsonMapper.builder().build();

    public CommandLine(InputStream stdin, PrintStream stdout, PrintStream stderr) {
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Runs a command; the exit status: 0 done, 1 failed, 2 bad usage. */
    public int run(String... args) {
        Map<String, String> options = new LinkedHashMap<>();
        if (args.length > 0 && List.of("help", "--help", "-h").contains(args[0])) {
            stdout.print(usage());
            return 0;
        }
        if (args.length == 0 || !"cluster".equals(args[0])) {
            stderr.print(usage());
            return 2;
        }
        for (int i = 1; i < args.length; i++) {
            if (!List.of("--in", "--out", "--threshold").contains(args[i]) || i + 1 == args.length) {
                stderr.println("newsradar story: unknown or incomplete option " + args[i]);
                stderr.print(usage());
                return 2;
            }
            options.put(args[i], args[++i]);
        }
        try {
            double threshold = Double.parseDouble(options.getOrDefault("--threshold",
                    Double.toString(StoryClusterer.DEFAULT_THRESHOLD)));
            return cluster(new StoryClusterer(threshold), options.get("--in"), options.get("--out"));
        } catch (NumberFormatException e) {
            stderr.println("newsradar story: --threshold is not a number: " + options.get("--threshold"));
            return 2;
        } catch (UncheckedIOException e) {
            stderr.println("newsradar story: " + e.getMessage());
            return 1;
        }
    }

    private int cluster(StoryClusterer clusterer, String in, String out) {
        List<Object> results = new ArrayList<>();
        long started = System.nanoTime();
        int lines = 0;
        try (BufferedReader reader = reader(in); BufferedWriter writer = writer(out)) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank()) {
                    continue;
                }
                lines++;
                results.add(clusterLine(clusterer, line, lines));
            }
            for (Object result : results) {
                writer.write(json.writeValueAsString(result instanceof Assignment a ? AssignmentJson.of(a, clusterer) : result));
                writer.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write: " + e.getMessage(), e);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        stderr.printf("clustered %,d articles in %.2f s (%,.0f articles/s)%n", lines, seconds, lines / seconds);
        return 0;
    }

    private Object clusterLine(StoryClusterer clusterer, String line, int number) {
        try {
            return clusterer.add(ArticleLine.parse(json.readTree(line)));
        } catch (JacksonException e) {
            return Map.of("line", number, "error", "line " + number + ": not valid JSON: " + e.getOriginalMessage());
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            return Map.of("line", number, "error", "line " + number + ": " + e.getMessage());
        }
    }

    private BufferedReader reader(String path) throws IOException {
        InputStream in = path == null || "-".equals(path) ? stdin : Files.newInputStream(Path.of(path));
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    private BufferedWriter writer(String path) throws IOException {
        OutputStream out = path == null || "-".equals(path) ? stdout : Files.newOutputStream(Path.of(path));
        return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    }

    static String usage() {
        return """
                usage: java -jar story-service.jar cluster [--in FILE] [--out FILE] [--threshold X]
                  reads JSON Lines articles {"id","lang","text"} (or title/lead/body; optional published, pair,
                  countries) and writes one {"id","story","matched","score","names","numbers"} line per article
                """;
    }
}
