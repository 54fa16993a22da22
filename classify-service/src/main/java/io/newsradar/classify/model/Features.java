package io.newsradar.classify.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The named numbers a decision rests on, in the fixed order of a {@link Schema}. A tagger builds one per candidate
 * tag ({@code schema.builder().set("title", 2).set("body", 1).build()}); a feature never set is 0.
 */
public final class Features {

    /** The feature names of one decision, in order; building against it costs no lookups per article. */
    public static final class Schema {
        private final List<String> names;
        private final Map<String, Integer> index = new HashMap<>();

        public Schema(List<String> names) {
            this.names = List.copyOf(names);
            for (int i = 0; i < this.names.size(); i++) {
                if (index.put(this.names.get(i), i) != null) {
                    throw new IllegalArgumentException("the feature " + this.names.get(i) + " is named twice");
                }
            }
        }

        public List<String> names() {
            return names;
        }

        public int size() {
            return names.size();
        }

        /** The position of a feature, or -1. */
        public int indexOf(String name) {
            return index.getOrDefault(name, -1);
        }

        public Builder builder() {
            return new Builder(this);
        }
    }

    /** Sets features by name; unknown names are an error, so a typo cannot silently weigh nothing. */
    public static final class Builder {
        private final Schema schema;
        private final double[] values;

        private Builder(Schema schema) {
            this.schema = schema;
            this.values = new double[schema.size()];
        }

        public Builder set(String name, double value) {
            int i = schema.indexOf(name);
            if (i < 0) {
                throw new IllegalArgumentException("no feature " + name + " in " + schema.names());
            }
            values[i] = value;
            return this;
        }

        public Features build() {
            return new Features(schema, values.clone());
        }
    }

    private final Schema schema;
    private final double[] values;

    private Features(Schema schema, double[] values) {
        this.schema = schema;
        this.values = values;
    }

    public Schema schema() {
        return schema;
    }

    public double get(int index) {
        return values[index];
    }

    /** The values in the schema's order (a copy). */
    public double[] values() {
        return values.clone();
    }

    @Override
    public String toString() {
        return schema.names() + "=" + Arrays.toString(values);
    }
}
