package io.newsradar.classify.cli;

import io.newsradar.classify.Classifier;
import io.newsradar.classify.eval.EvaluationReport;
import io.newsradar.classify.eval.EvaluationSet;
import io.newsradar.classify.eval.FoldReport;
import io.newsradar.classify.eval.Folds;
import io.newsradar.classify.eval.PairFit;
import io.newsradar.classify.eval.RegionFit;
import io.newsradar.classify.eval.TopicFit;
import io.newsradar.classify.model.LogisticModel;
import io.newsradar.classify.model.ModelFile;
import io.newsradar.classify.pair.PairPicker;
import io.newsradar.classify.region.RegionTagger;
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
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The classifier from the command line, without Kafka or Spring:
 * <pre>
 *   classify [--in FILE] [--out FILE] [--data DIR]     JSON Lines in (stdin), JSON Lines out (stdout)
 *   evaluate [--set FILE|DIR]... [--split dev|test|all] [--data DIR]
 *   evaluate --labelled FILE [--folds K [--fold N]] [--data DIR]
 * </pre>
 * One output line per input line, in order; a bad line gets an {@code "error"} and the run goes on. Progress goes to
 * stderr.
 */
public final class CommandLine {

    /** The first arguments that select the command line instead of the service. */
    public static final Set<String> COMMANDS = Set.of("classify", "evaluate", "fit", "help", "--help", "-h");
    static final String DEFAULT_EVAL_SET = "classify-service/src/test/resources/eval";
    private static final long PROGRESS_EVERY_NANOS = 2_000_000_000L;

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
        try {
            Options options = Options.parse(args);
            return switch (options.command()) {
                case "classify" -> classify(options);
                case "evaluate" -> evaluate(options);
                case "fit" -> fit(options);
                default -> {
                    stdout.print(usage());
                    yield 0;
                }
            };
        } catch (UsageException e) {
            stderr.println("newsradar classify: " + e.getMessage());
            stderr.print(usage());
            return 2;
        } catch (IllegalStateException | UncheckedIOException e) {
            stderr.println("newsradar classify: " + e.getMessage());
            return 1;
        }
    }

    private int classify(Options options) {
        Classifier classifier = Classifier.load(options.data(), Clock.systemUTC());
        long started = System.nanoTime();
        long lastProgress = started;
        int lines = 0;
        int errors = 0;
        try (BufferedReader in = reader(options.single("--in"));
             BufferedWriter out = writer(options.single("--out"))) {
            for (String line; (line = in.readLine()) != null; ) {
                lines++;
                Map<String, Object> result = classifyLine(classifier, line, lines);
                if (result.containsKey("error")) {
                    errors++;
                }
                out.write(json.writeValueAsString(result));
                out.write('\n');
                long now = System.nanoTime();
                if (now - lastProgress > PROGRESS_EVERY_NANOS) {
                    lastProgress = now;
                    stderr.printf("classified %,d lines (%,d errors), %,.0f lines/s%n", lines, errors, lines / seconds(started, now));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write: " + e.getMessage(), e);
        }
        stderr.printf("classified %,d lines (%,d errors) in %.1f s with classifier %s%n", lines, errors,
                seconds(started, System.nanoTime()), classifier.version());
        return 0;
    }

    private Map<String, Object> classifyLine(Classifier classifier, String line, int number) {
        Map<String, Object> result = new LinkedHashMap<>();
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (JacksonException e) {
            result.put("id", null);
            result.put("line", number);
            result.put("error", "line " + number + ": not valid JSON: " + e.getOriginalMessage());
            return result;
        }
        JsonNode id = node != null && node.isObject() ? node.get("id") : null;
        result.put("id", id);
        try {
            Input input = Input.of(node);
            result.put("classification", ClassificationJson.of(input.classify(classifier)));
        } catch (IllegalArgumentException e) {
            result.put("line", number);
            result.put("error", "line " + number + ": " + e.getMessage());
        }
        return result;
    }

    private int evaluate(Options options) {
        if (options.single("--labelled") != null) {
            return evaluatePages(options);
        }
        if (options.single("--folds") != null || options.single("--fold") != null) {
            throw new UsageException("--folds and --fold go with --labelled");
        }
        Classifier classifier = Classifier.load(options.data(), Clock.systemUTC());
        List<Path> sets = new ArrayList<>();
        options.all("--set").forEach(p -> sets.add(Path.of(p)));
        if (sets.isEmpty()) {
            sets.add(Path.of(DEFAULT_EVAL_SET));
        }
        EvaluationSet set = EvaluationSet.read(sets);
        String split = options.single("--split") == null ? "all" : options.single("--split");
        if (!Set.of("dev", "test", "all").contains(split)) {
            throw new UsageException("--split is dev, test or all; was " + split);
        }
        EvaluationReport report = EvaluationReport.of(classifier, set.split(split));
        stdout.print(report.format(true));
        return 0;
    }

    private int evaluatePages(Options options) {
        if (!options.all("--set").isEmpty() || options.single("--split") != null) {
            throw new UsageException("--labelled reads one file of pages; --set and --split are for the project's set");
        }
        Folds folds = options.single("--folds") == null ? null : new Folds(number(options, "--folds", 2));
        int fold = options.single("--fold") == null ? 0 : number(options, "--fold", 1);
        if (folds == null && fold != 0) {
            throw new UsageException("--fold needs --folds");
        }
        if (folds != null && fold > folds.count()) {
            throw new UsageException("--fold is 1 to " + folds.count() + "; was " + fold);
        }
        Path file = Path.of(options.single("--labelled"));
        EvaluationSet set = EvaluationSet.readPages(file);
        Classifier classifier = Classifier.load(options.data(), Clock.systemUTC());
        stdout.print(FoldReport.of(classifier, file.getFileName().toString(), set, folds, fold).format());
        return 0;
    }

    private int fit(Options options) {
        List<String> labelled = options.all("--labelled");
        List<String> sets = options.all("--set");
        if (labelled.isEmpty() && sets.isEmpty()) {
            throw new UsageException("fit needs --labelled FILE or --set FILE|DIR");
        }
        if (options.single("--out") == null) {
            throw new UsageException("fit needs --out FILE (the weights file, model/weights.tsv in a data directory)");
        }
        Folds folds = new Folds(options.single("--folds") == null ? 5 : number(options, "--folds", 2));
        double lambda = 1.0;
        if (options.single("--lambda") != null) {
            try {
                lambda = Double.parseDouble(options.single("--lambda"));
            } catch (NumberFormatException e) {
                lambda = -1;
            }
            if (!(lambda > 0) || Double.isInfinite(lambda)) {
                throw new UsageException("--lambda is a positive number; was " + options.single("--lambda"));
            }
        }
        int setWeight = options.single("--set-weight") == null ? 1 : number(options, "--set-weight", 1);
        Set<String> topics = options.single("--topics") == null ? null : Set.of(options.single("--topics").split(","));
        List<EvaluationSet.Item> items = new ArrayList<>();
        List<ModelFile.Source> sources = new ArrayList<>();
        for (String file : labelled) {
            EvaluationSet set = EvaluationSet.readPages(Path.of(file));
            items.addAll(set.items());
            sources.add(new ModelFile.Source(Path.of(file).getFileName().toString(), sha256(Path.of(file)), set.items().size()));
        }
        for (String path : sets) {
            EvaluationSet set = EvaluationSet.read(List.of(Path.of(path)));
            for (int copy = 0; copy < setWeight; copy++) {
                items.addAll(set.items());
            }
            sources.add(new ModelFile.Source(Path.of(path).getFileName().toString(), sha256(Path.of(path)), set.items().size()));
        }
        Classifier classifier = Classifier.load(options.data(), Clock.systemUTC());
        // With labelled pages, the out-of-fold figures are theirs (real news); the sets are fitted on in every fold.
        java.util.function.Predicate<EvaluationSet.Item> scored = labelled.isEmpty() ? item -> true
                : item -> item.split().equals("page");
        TopicFit.Result result = TopicFit.fit(classifier, new EvaluationSet(items), scored, folds, lambda, topics, sources);
        PairFit.Result pair = PairFit.fit(classifier, new EvaluationSet(items), scored, folds, lambda);
        RegionFit.Result region = RegionFit.fit(classifier, new EvaluationSet(items), scored, folds, lambda);
        Map<String, LogisticModel> models = new LinkedHashMap<>(result.file().models());
        Map<String, Double> lambdas = new LinkedHashMap<>();
        for (String name : models.keySet()) {
            lambdas.put(name, lambda);
        }
        if (pair.model() != null) {
            models.put(PairPicker.MODEL, pair.model());
            lambdas.put(PairPicker.MODEL, lambda);
        }
        if (region.fitted() != null) {
            models.put(RegionTagger.MODEL, region.fitted());
            lambdas.put(RegionTagger.MODEL, lambda);
        }
        ModelFile weights = new ModelFile(classifier.version(), sources, folds.count(), models, lambdas);
        Path out = Path.of(options.single("--out"));
        try {
            if (out.getParent() != null) {
                Files.createDirectories(out.getParent());
            }
            Files.writeString(out, weights.format(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
        stdout.print(result.format());
        stdout.print(pair.format());
        stdout.print(region.format());
        stdout.println("weights written to " + out);
        return 0;
    }

    /** The SHA-256 of a file, or of a directory's {@code .jsonl} files in name order, in hex. */
    private static String sha256(Path path) {
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            List<Path> files = new ArrayList<>();
            if (Files.isDirectory(path)) {
                try (var listing = Files.list(path)) {
                    listing.filter(p -> p.toString().endsWith(".jsonl")).sorted().forEach(files::add);
                }
            } else {
                files.add(path);
            }
            for (Path file : files) {
                digest.update(Files.readAllBytes(file));
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static int number(Options options, String name, int least) {
        String value = options.single(name);
        try {
            int n = Integer.parseInt(value);
            if (n >= least) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new UsageException(name + " is a whole number from " + least + "; was " + value);
    }

    private BufferedReader reader(String file) throws IOException {
        InputStream in = file == null || file.equals("-") ? stdin : Files.newInputStream(Path.of(file));
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    private BufferedWriter writer(String file) throws IOException {
        OutputStream out = file == null || file.equals("-") ? stdout : Files.newOutputStream(Path.of(file));
        return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    }

    private static double seconds(long from, long to) {
        return Math.max(1e-9, (to - from) / 1e9);
    }

    static String usage() {
        return """
                usage: java -jar classify-service.jar classify [--in FILE] [--out FILE] [--data DIR]
                         reads JSON Lines ({"id", "text"} or {"id", "title", "summary", "body", "lang", "url"}),
                         writes one JSON line per input line: {"id", "classification"} or {"id", "line", "error"}
                       java -jar classify-service.jar evaluate [--set FILE|DIR]... [--split dev|test|all] [--data DIR]
                         prints pair accuracy, country/region/topic precision, recall and F1, and the mistakes
                         (default set: %s)
                       java -jar classify-service.jar evaluate --labelled FILE [--folds K [--fold N]] [--data DIR]
                         classifies each {"id", "lang", "text", "labels"} line of FILE from its text as a page and
                         prints pair accuracy, countries and regions F1, topics micro- and macro-F1, by language;
                         --folds K splits it by a hash of the id and scores every fold, --fold N the tune part
                         (the other folds) and the check part (fold N) apart
                       java -jar classify-service.jar fit [--labelled FILE]... [--set FILE|DIR]... --out FILE
                                [--folds K] [--lambda L] [--set-weight W] [--topics T,T] [--data DIR]
                         fits each topic's decision (L2 logistic regression, penalty L, default 1) on the labelled
                         pages and the sets (each set's articles counted W times, default 1), prints the hand rule's
                         and the model's F1 out of fold on the pages (K folds, default 5) and the reliability
                         table, and writes to FILE the weights, fitted on everything, of the topics (of T, default
                         all) whose model beats the hand rule out of fold; the others keep the hand rule
                  --data DIR   read the classifier's data files from DIR first (see docs/classifier.md)
                """.formatted(DEFAULT_EVAL_SET);
    }

    /** A wrong command line. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    /** The command and its options. */
    record Options(String command, Map<String, List<String>> values) {

        private static final Map<String, Set<String>> ALLOWED = Map.of(
                "classify", Set.of("--in", "--out", "--data"),
                "evaluate", Set.of("--set", "--split", "--data", "--labelled", "--folds", "--fold"),
                "fit", Set.of("--set", "--labelled", "--folds", "--lambda", "--out", "--data", "--set-weight", "--topics"));

        static Options parse(String... args) {
            if (args.length == 0) {
                throw new UsageException("a command is needed");
            }
            String command = args[0];
            if (!COMMANDS.contains(command)) {
                throw new UsageException("unknown command '" + command + "'");
            }
            Map<String, List<String>> values = new LinkedHashMap<>();
            for (int i = 1; i < args.length; i++) {
                String name = args[i];
                if (!ALLOWED.getOrDefault(command, Set.of()).contains(name)) {
                    throw new UsageException("unknown option '" + name + "' for " + command);
                }
                if (i + 1 >= args.length) {
                    throw new UsageException(name + " needs a value");
                }
                values.computeIfAbsent(name, n -> new ArrayList<>()).add(args[++i]);
            }
            return new Options(command, values);
        }

        String single(String name) {
            List<String> v = values.getOrDefault(name, List.of());
            if (v.size() > 1) {
                throw new UsageException(name + " given more than once");
            }
            return v.isEmpty() ? null : v.get(0);
        }

        List<String> all(String name) {
            return values.getOrDefault(name, List.of());
        }

        Path data() {
            String dir = single("--data");
            if (dir != null && !Files.isDirectory(Path.of(dir))) {
                throw new UsageException("--data " + dir + " is not a directory");
            }
            return dir == null ? null : Path.of(dir);
        }
    }
}
