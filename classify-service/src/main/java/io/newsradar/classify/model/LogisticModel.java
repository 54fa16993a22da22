package io.newsradar.classify.model;

import java.util.List;

/**
 * A binary logistic regression over named features: {@code p = 1 / (1 + exp(-(bias + Σ weight·value)))}. Immutable;
 * its weights come from {@link ModelFile} (fitted by {@link LogisticFit}). The probability is the tag's score, so a
 * score of 0.8 means that about eight tags in ten with that score are right on the data it was fitted and checked on.
 */
public final class LogisticModel {

    private final String name;
    private final Features.Schema schema;
    private final double bias;
    private final double[] weights;

    public LogisticModel(String name, Features.Schema schema, double bias, double[] weights) {
        if (weights.length != schema.size()) {
            throw new IllegalArgumentException(name + ": " + weights.length + " weights for " + schema.size() + " features");
        }
        this.name = name;
        this.schema = schema;
        this.bias = bias;
        this.weights = weights.clone();
    }

    public String name() {
        return name;
    }

    public Features.Schema schema() {
        return schema;
    }

    public double bias() {
        return bias;
    }

    public List<Double> weights() {
        return java.util.Arrays.stream(weights).boxed().toList();
    }

    /** The probability that the decision is yes. */
    public double probability(Features features) {
        if (features.schema() != schema && !features.schema().names().equals(schema.names())) {
            throw new IllegalArgumentException(name + " reads " + schema.names() + ", not " + features.schema().names());
        }
        double z = bias;
        for (int i = 0; i < weights.length; i++) {
            z += weights[i] * features.get(i);
        }
        return sigmoid(z);
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1.0 / (1.0 + Math.exp(-z)) : Math.exp(z) / (1.0 + Math.exp(z));
    }
}
