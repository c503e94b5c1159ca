package dev.glasshouse.engine.console;

/** One Stat field as the node panel shows it: name, formatted value, and what the field means. */
public record StatRow(String name, String value, String meaning) {
}
