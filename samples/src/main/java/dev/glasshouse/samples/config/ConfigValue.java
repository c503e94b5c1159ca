package dev.glasshouse.samples.config;

/** One version of a configuration: the text and the znode's data version that carried it. */
public record ConfigValue(String text, int version) {
}
