package io.newsradar.contracts;

import java.util.List;

/** Argument checks shared by the event records' compact constructors. */
final class Checks {

    private Checks() {
    }

    static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    static <T> List<T> listOrEmpty(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    static int schemaVersion(Integer given, int current, String type) {
        if (given == null || given == 0) {
            return current;
        }
        if (given < 0) {
            throw new IllegalArgumentException(type + ".schemaVersion must be positive, was " + given);
        }
        return given;
    }

    static double requireScore(double score, String name) {
        if (!(score >= 0.0 && score <= 1.0)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, was " + score);
        }
        return score;
    }

    static String requireCountryCode(String code, String name) {
        if (code == null || !code.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException(name + " must be an ISO 3166-1 alpha-2 code in upper case, was " + code);
        }
        return code;
    }
}
