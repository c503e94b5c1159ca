package dev.glasshouse.engine.server.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The recognised settings of one {@code zoo.cfg}, each already checked against its key's
 * {@link ValueType}, plus the warnings collected on the way. Lookups use canonical names (without
 * the {@code zookeeper.} prefix). Confined to the parsing thread.
 */
final class Settings {
    private final String source;
    private final Map<String, Setting> byName = new HashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private int lastLine;

    Settings(String source) {
        this.source = source;
    }

    /** Reads one raw line; blank lines and comments are skipped as {@code java.util.Properties} does. */
    void accept(String rawLine, int line) throws ConfigException {
        lastLine = line;
        String text = rawLine.strip();
        if (text.isEmpty() || text.startsWith("#") || text.startsWith("!")) {
            return;
        }
        // java.util.Properties ends the key at the first '=', ':' or blank, so "tickTime 2000"
        // and "tickTime: 2000" mean what they mean to ZooKeeper.
        int end = 0;
        while (end < text.length() && !isKeyEnd(text.charAt(end))) {
            end++;
        }
        String key = text.substring(0, end);
        String rest = text.substring(end).stripLeading();
        if (!rest.isEmpty() && (rest.charAt(0) == '=' || rest.charAt(0) == ':')) {
            rest = rest.substring(1);
        }
        store(new Setting(key, rest.strip(), line));
    }

    private void store(Setting setting) throws ConfigException {
        Optional<ConfigKeys.KnownKey> known = ConfigKeys.find(setting.key());
        if (known.isEmpty()) {
            String hint = ConfigKeys.similar(setting.key()).map(name -> " (did you mean \"" + name + "\"?)").orElse("");
            warnings.add(where(setting.line()) + "unknown key \"" + setting.key() + "\" is ignored" + hint);
            return;
        }
        ConfigKeys.KnownKey key = known.get();
        if (!key.type().accepts(setting.value())) {
            throw invalid(setting, key.expectation());
        }
        Setting earlier = byName.put(key.name(), setting);
        if (earlier != null) {
            warnings.add(where(setting.line()) + setting.key() + " is set again (first on line " + earlier.line()
                    + "); the last value wins, as in ZooKeeper");
        }
    }

    Optional<Setting> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * The settings of a numbered family ({@code "server."} for {@code server.1}, {@code server.2}, ...)
     * in file order; a name repeated with the same spelling counts once, as for any key.
     */
    List<Setting> family(String prefix) {
        List<Setting> members = new ArrayList<>();
        byName.forEach((name, setting) -> {
            if (name.startsWith(prefix)) {
                members.add(setting);
            }
        });
        members.sort(Comparator.comparingInt(Setting::line));
        return members;
    }

    Setting required(String name, String example) throws ConfigException {
        Setting setting = byName.get(name);
        if (setting == null) {
            throw new ConfigException(source, OptionalInt.of(lastLine + 1), Optional.of(name),
                    where(lastLine + 1) + name + " is required but not set by the end of the file; add a line"
                            + " such as " + example);
        }
        return setting;
    }

    int intValue(String name, int fallback) {
        return find(name).map(setting -> Integer.parseInt(setting.value())).orElse(fallback);
    }

    long longValue(String name, long fallback) {
        return find(name).map(setting -> Long.parseLong(setting.value())).orElse(fallback);
    }

    boolean booleanValue(String name, boolean fallback) {
        return find(name).flatMap(setting -> ValueType.parseBoolean(setting.value())).orElse(fallback);
    }

    void warn(int line, String message) {
        warnings.add(where(line) + message);
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** A bad value on a line: names the file, the line and the key, and says what would be valid. */
    ConfigException invalid(Setting setting, String expectation) {
        return new ConfigException(source, OptionalInt.of(setting.line()), Optional.of(setting.key()),
                where(setting.line()) + setting.key() + " must be " + expectation + ", got \"" + setting.value()
                        + "\"");
    }

    ConfigException conflict(Setting setting, String message) {
        return new ConfigException(source, OptionalInt.of(setting.line()), Optional.of(setting.key()),
                where(setting.line()) + message);
    }

    private String where(int line) {
        return source + " line " + line + ": ";
    }

    private static boolean isKeyEnd(char c) {
        return c == '=' || c == ':' || Character.isWhitespace(c);
    }
}
