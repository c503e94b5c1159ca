package dev.glasshouse.engine.console;

import java.util.Optional;

/**
 * A znode's data rendered for display in one format. {@code problem} explains why the chosen format
 * does not fit (e.g. invalid JSON), in which case {@code text} falls back to something readable.
 */
public record RenderedData(DataFormat format, String text, Optional<String> problem) {
}
