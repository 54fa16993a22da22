package io.newsradar.reference;

/**
 * A topic of the taxonomy and the evidence it needs.
 *
 * @param name        its key, as tags and filters give it ({@code labour})
 * @param threshold   the weighted sum of its phrases at which the classifier applies it
 * @param description what it covers, in a line
 */
public record Topic(String name, double threshold, String description) {
}
