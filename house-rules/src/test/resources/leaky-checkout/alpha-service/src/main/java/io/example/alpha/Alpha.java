package io.example.alpha;

import io.example.shared.Codes;

/** Reads the shared codes, which is allowed. */
public final class Alpha {
    Codes codes;
}
