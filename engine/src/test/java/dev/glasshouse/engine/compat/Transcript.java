package dev.glasshouse.engine.compat;

import java.util.List;

/**
 * What one target answered during a differential run: for every step a line {@code #i <step> -> <outcome>},
 * followed by one indented line per watch event a session received because of it.
 */
record Transcript(String targetName, List<String> lines) {

    Transcript {
        lines = List.copyOf(lines);
    }
}
