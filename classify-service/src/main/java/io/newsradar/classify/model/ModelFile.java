package io.newsradar.classify.model;

import io.newsradar.reference.DataFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fitted weights of the classifier's decisions, {@code model/weights.tsv} below the data root (so a newsroom's
 * {@code NEWSRADAR_DATA_DIR} can hold its own fit). Tab-separated lines:
 * <pre>
 *   classifier  VERSION                     the classifier version the weights were fitted for
 *   data        FILE  SHA-256  RECORDS      each labelled file fitted on
 *   folds       K                           the folds the reported figures were cross-validated on
 *   lambda      MODEL  L2                   the penalty each decision was fitted with
 *   bias        MODEL  VALUE
 *   weight      MODEL  FEATURE  VALUE       in the order of the decision's features
 * </pre>
 */
public final class ModelFile {

    public static final String NAME = "model/weights.tsv";

    /** A labelled file the weights were fitted on. */
    public record Source(String file, String sha256, int records) {
    }

    private final String classifier;
    private final List<Source> sources;
    private final int folds;
    private final Map<String, LogisticModel> models;
    private final Map<String, Double> lambdas;

    public ModelFile(String classifier, List<Source> sources, int folds, Map<String, LogisticModel> models,
                     Map<String, Double> lambdas) {
        this.classifier = classifier;
        this.sources = List.copyOf(sources);
        this.folds = folds;
        this.models = new LinkedHashMap<>(models);
        this.lambdas = new LinkedHashMap<>(lambdas);
    }

    /** The weights from {@code dataDir} where it has them, else the bundled ones. */
    public static ModelFile load(Path dataDir) {
        return parse(DataFile.read(dataDir, NAME, 2, 4));
    }

    /** The weights from {@code dataDir} or the bundled ones; empty when neither has a weights file. */
    public static java.util.Optional<ModelFile> loadIfPresent(Path dataDir) {
        return DataFile.readIfPresent(dataDir, NAME, 2, 4).map(ModelFile::parse);
    }

    private static ModelFile parse(List<DataFile.Line> lines) {
        String classifier = "";
        List<Source> sources = new ArrayList<>();
        int folds = 0;
        Map<String, Double> biases = new LinkedHashMap<>();
        Map<String, Map<String, Double>> weights = new LinkedHashMap<>();
        Map<String, Double> lambdas = new LinkedHashMap<>();
        for (DataFile.Line line : lines) {
            switch (line.column(0)) {
                case "classifier" -> classifier = line.column(1);
                case "data" -> sources.add(new Source(line.column(1), line.column(2), (int) number(line, 3)));
                case "folds" -> folds = (int) number(line, 1);
                case "lambda" -> lambdas.put(line.column(1), number(line, 2));
                case "bias" -> biases.put(line.column(1), number(line, 2));
                case "weight" -> {
                    Map<String, Double> w = weights.computeIfAbsent(line.column(1), m -> new LinkedHashMap<>());
                    if (w.put(line.column(2), number(line, 3)) != null) {
                        throw line.error("the feature is weighed twice");
                    }
                }
                default -> throw line.error("unknown entry '" + line.column(0) + "'");
            }
        }
        Map<String, LogisticModel> models = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Double>> e : weights.entrySet()) {
            Features.Schema schema = new Features.Schema(new ArrayList<>(e.getValue().keySet()));
            double[] w = e.getValue().values().stream().mapToDouble(Double::doubleValue).toArray();
            models.put(e.getKey(), new LogisticModel(e.getKey(), schema, biases.getOrDefault(e.getKey(), 0.0), w));
        }
        return new ModelFile(classifier, sources, folds, models, lambdas);
    }

    public String classifier() {
        return classifier;
    }

    public List<Source> sources() {
        return sources;
    }

    public int folds() {
        return folds;
    }

    public Map<String, LogisticModel> models() {
        return Map.copyOf(models);
    }

    /**
     * The model of one decision over the features its tagger computes, in the tagger's order. A feature the file does
     * not weigh weighs 0; a weight for a feature the tagger does not compute is an error.
     *
     * @throws IllegalStateException when the file has no such decision or weighs an unknown feature
     */
    public LogisticModel model(String name, Features.Schema schema) {
        LogisticModel stored = models.get(name);
        if (stored == null) {
            throw new IllegalStateException(NAME + " has no weights for the decision " + name);
        }
        double[] w = new double[schema.size()];
        List<String> names = stored.schema().names();
        for (int i = 0; i < names.size(); i++) {
            int at = schema.indexOf(names.get(i));
            if (at < 0) {
                throw new IllegalStateException(NAME + ": " + name + " weighs " + names.get(i)
                        + ", which is not one of its features " + schema.names());
            }
            w[at] = stored.weights().get(i);
        }
        return new LogisticModel(name, schema, stored.bias(), w);
    }

    /** The file's text: the same models give the same bytes. */
    public String format() {
        StringBuilder out = new StringBuilder();
        out.append("# newsradar classifier weights: binary logistic regressions, L2-penalised, fitted by\n")
                .append("# `classify-service.jar fit` (see docs/classifier.md). Regenerate, do not edit.\n");
        out.append("classifier\t").append(classifier).append('\n');
        for (Source s : sources) {
            out.append("data\t").append(s.file()).append('\t').append(s.sha256()).append('\t').append(s.records()).append('\n');
        }
        out.append("folds\t").append(folds).append('\n');
        for (LogisticModel m : models.values()) {
            out.append("lambda\t").append(m.name()).append('\t').append(decimal(lambdas.getOrDefault(m.name(), 0.0))).append('\n');
            out.append("bias\t").append(m.name()).append('\t').append(decimal(m.bias())).append('\n');
            List<String> names = m.schema().names();
            for (int i = 0; i < names.size(); i++) {
                out.append("weight\t").append(m.name()).append('\t').append(names.get(i)).append('\t')
                        .append(decimal(m.weights().get(i))).append('\n');
            }
        }
        return out.toString();
    }

    private static String decimal(double v) {
        String s = String.format(Locale.ROOT, "%.6f", v);
        return s.equals("-0.000000") ? "0.000000" : s;
    }

    private static double number(DataFile.Line line, int column) {
        try {
            return Double.parseDouble(line.column(column));
        } catch (NumberFormatException e) {
            throw line.error("column " + (column + 1) + " must be a number, was '" + line.column(column) + "'");
        }
    }
}
