package io.example.beta;

public final class Beta {
    // Says "io.example.gateway" in a comment only: no class of the gateway is named.
    Object version = io.example.alpha.Alpha.class;
}
