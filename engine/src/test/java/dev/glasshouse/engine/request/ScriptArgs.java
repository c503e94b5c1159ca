package dev.glasshouse.engine.request;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The words of one script command after its verb: positional words, {@code key=value} options
 * and bare flags ({@code watch}). Every option must be read, so a typo fails the script instead
 * of being ignored.
 */
final class ScriptArgs {
    private final List<String> positional = new ArrayList<>();
    private final Map<String, String> options = new LinkedHashMap<>();
    private final Set<String> used = new TreeSet<>();

    ScriptArgs(List<String> words) {
        for (String word : words) {
            int eq = word.indexOf('=');
            if (eq > 0 && !word.startsWith("/")) {
                options.put(word.substring(0, eq), word.substring(eq + 1));
            } else {
                positional.add(word);
            }
        }
    }

    String positional(int index, String what) {
        if (index >= positional.size()) {
            throw new IllegalArgumentException("missing " + what);
        }
        return positional.get(index);
    }

    int positionalCount() {
        return positional.size();
    }

    boolean flag(String name) {
        if (positional.contains(name)) {
            used.add(name);
            return true;
        }
        return false;
    }

    Optional<String> option(String key) {
        used.add(key);
        return Optional.ofNullable(options.get(key));
    }

    String option(String key, String fallback) {
        return option(key).orElse(fallback);
    }

    int intOption(String key, int fallback) {
        return option(key).map(ScriptArgs::parseInt).orElse(fallback);
    }

    long longOption(String key, long fallback) {
        return option(key).map(ScriptArgs::parseLong).orElse(fallback);
    }

    List<String> listOption(String key) {
        return option(key).filter(v -> !v.isEmpty()).map(v -> List.of(v.split(","))).orElse(List.of());
    }

    /** Fails when the command carried an option that nothing read. */
    void requireAllUsed(String command) {
        for (String key : options.keySet()) {
            if (!used.contains(key)) {
                throw new IllegalArgumentException("unknown option " + key + " in: " + command);
            }
        }
    }

    static int parseInt(String text) {
        return (int) parseLong(text);
    }

    static long parseLong(String text) {
        if (text.startsWith("0x")) {
            return Long.parseUnsignedLong(text.substring(2), 16);
        }
        if (text.startsWith("-0x")) {
            return -Long.parseLong(text.substring(3), 16);
        }
        return Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
    }
}
