package io.example.beta.deep;

public final class Gazetteer {
    public static Object load() {
        return null;
    }
}
