package io.newsradar.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A tab-separated data file of newsradar: UTF-8, one entry per line, blank lines and {@code #} comments skipped. Read
 * from a directory when one is given (a newsroom's own data, {@code NEWSRADAR_DATA_DIR}), else from the classpath below
 * {@code newsradar/data/}, where this module bundles the codes and the taxonomy and classify-service its matching data.
 * Every service that reads a file reads it here, so a newsroom's file reaches all of them alike.
 */
public final class DataFile {

    /** One line of a data file, with where it came from for error messages. */
    public record Line(String file, int number, List<String> columns) {

        public String column(int index) {
            return index < columns.size() ? columns.get(index) : "";
        }

        /** An error that names the file and line. */
        public IllegalStateException error(String problem) {
            return new IllegalStateException(file + " line " + number + ": " + problem + " (line: '"
                    + String.join("\\t", columns) + "')");
        }
    }

    private static final String CLASSPATH_ROOT = "newsradar/data/";

    private DataFile() {
    }

    /**
     * The lines of a data file, each with between {@code minColumns} and {@code maxColumns} columns.
     *
     * @param dataDir  a directory that overrides the bundled files, may be {@code null}
     * @param name     the file's path below the data root, such as {@code regions/VN.tsv}
     * @throws IllegalStateException when the file is missing or a line has the wrong number of columns
     */
    public static List<Line> read(Path dataDir, String name, int minColumns, int maxColumns) {
        return readIfPresent(dataDir, name, minColumns, maxColumns)
                .orElseThrow(() -> new IllegalStateException("the data file " + name + " is missing"
                        + (dataDir == null ? " from the classpath" : " from " + dataDir + " and the classpath")));
    }

    /** Like {@link #read}, empty when the file does not exist. */
    public static Optional<List<Line>> readIfPresent(Path dataDir, String name, int minColumns, int maxColumns) {
        try {
            if (dataDir != null && Files.isRegularFile(dataDir.resolve(name))) {
                try (InputStream in = Files.newInputStream(dataDir.resolve(name))) {
                    return Optional.of(parse(dataDir.resolve(name).toString(), in, minColumns, maxColumns));
                }
            }
            try (InputStream in = bundled(CLASSPATH_ROOT + name)) {
                return in == null ? Optional.empty() : Optional.of(parse(CLASSPATH_ROOT + name, in, minColumns, maxColumns));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the data file " + name, e);
        }
    }

    /**
     * A bundled file, from whichever module holds it. The thread's class loader is asked first: in a Spring Boot jar it
     * is the one that sees every module, even where this class itself was loaded by the JVM's own loader (a jar whose
     * manifest lists the modules' jars beside it, as {@code target/} holds them); then this class's own loader.
     */
    private static InputStream bundled(String path) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        InputStream in = context == null ? null : context.getResourceAsStream(path);
        return in != null ? in : DataFile.class.getClassLoader().getResourceAsStream(path);
    }

    private static List<Line> parse(String file, InputStream in, int minColumns, int maxColumns) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        List<Line> lines = new ArrayList<>();
        int number = 0;
        try {
            for (String text; (text = reader.readLine()) != null; ) {
                number++;
                if (text.isBlank() || text.stripLeading().startsWith("#")) {
                    continue;
                }
                List<String> columns = new ArrayList<>();
                for (String column : text.split("\t", -1)) {
                    columns.add(Normalizer.normalize(column.strip(), Normalizer.Form.NFC));
                }
                while (columns.size() > minColumns && columns.get(columns.size() - 1).isEmpty()) {
                    columns.remove(columns.size() - 1);
                }
                Line line = new Line(file, number, List.copyOf(columns));
                if (columns.size() < minColumns || columns.size() > maxColumns) {
                    throw line.error("expected " + (minColumns == maxColumns ? minColumns : minColumns + " to " + maxColumns)
                            + " tab-separated columns, found " + columns.size());
                }
                for (int i = 0; i < minColumns; i++) {
                    if (columns.get(i).isEmpty()) {
                        throw line.error("column " + (i + 1) + " is empty");
                    }
                }
                lines.add(line);
            }
        } catch (CharacterCodingException e) {
            throw new IllegalStateException(file + " line " + (number + 1) + ": not valid UTF-8", e);
        }
        return lines;
    }
}
