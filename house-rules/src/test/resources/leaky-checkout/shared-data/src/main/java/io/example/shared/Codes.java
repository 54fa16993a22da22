package io.example.shared;

public final class Codes {
}
