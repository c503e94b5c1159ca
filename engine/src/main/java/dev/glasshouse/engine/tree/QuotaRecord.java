package dev.glasshouse.engine.tree;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The data of a {@code zookeeper_limits} or {@code zookeeper_stats} node, read and written as
 * ZooKeeper's {@code StatsTrack} does: {@code key=value} pairs separated by runs of {@code ,} or
 * {@code ;}; an empty value means -1, a missing key reads as -1. Written with {@code count} and
 * {@code bytes} first and, when other keys exist, an extra {@code =} and the rest sorted:
 * {@code count=10,bytes=-1=;byteHardLimit=-1;countHardLimit=10}. Immutable.
 */
public final class QuotaRecord {
    public static final String COUNT = "count";
    public static final String BYTES = "bytes";
    public static final String COUNT_HARD_LIMIT = "countHardLimit";
    public static final String BYTE_HARD_LIMIT = "byteHardLimit";

    private final Map<String, Long> values;

    private QuotaRecord(Map<String, Long> values) {
        this.values = Map.copyOf(values);
    }

    /** A record with just a count and a byte total, as ZooKeeper writes a fresh stats node. */
    public static QuotaRecord usage(long count, long bytes) {
        return new QuotaRecord(Map.of(COUNT, count, BYTES, bytes));
    }

    /** The record in a node's data; empty when ZooKeeper's parser would fail on it. */
    public static Optional<QuotaRecord> parse(byte[] data) {
        Map<String, Long> values = new HashMap<>();
        if (data == null || data.length == 0) {
            return Optional.of(new QuotaRecord(values));
        }
        for (String pair : pairs(new String(data, StandardCharsets.UTF_8))) {
            String[] keyValue = pair.split("=");
            if (keyValue.length < 2) {
                return Optional.empty();
            }
            try {
                values.put(keyValue[0], keyValue[1].isEmpty() ? -1L : Long.parseLong(keyValue[1]));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.of(new QuotaRecord(values));
    }

    // Pattern.split("[,;]+") semantics: runs of separators split once, trailing empty parts are dropped.
    private static List<String> pairs(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean separator = c == ',' || c == ';';
            if (separator && (i == 0 || !isSeparator(text.charAt(i - 1)))) {
                parts.add(current.toString());
                current.setLength(0);
            } else if (!separator) {
                current.append(c);
            }
        }
        parts.add(current.toString());
        while (!parts.isEmpty() && parts.get(parts.size() - 1).isEmpty()) {
            parts.remove(parts.size() - 1);
        }
        return parts;
    }

    private static boolean isSeparator(char c) {
        return c == ',' || c == ';';
    }

    public long get(String key) {
        return values.getOrDefault(key, -1L);
    }

    public QuotaRecord with(String key, long value) {
        Map<String, Long> next = new HashMap<>(values);
        next.put(key, value);
        return new QuotaRecord(next);
    }

    /** This record with the usage moved by the given amounts. */
    public QuotaRecord plus(long countDiff, long bytesDiff) {
        return with(COUNT, get(COUNT) + countDiff).with(BYTES, get(BYTES) + bytesDiff);
    }

    public byte[] bytes() {
        return toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        text.append(COUNT).append('=').append(get(COUNT)).append(',').append(BYTES).append('=').append(get(BYTES));
        List<String> others = new ArrayList<>(values.keySet());
        others.remove(COUNT);
        others.remove(BYTES);
        if (!others.isEmpty()) {
            text.append('=');
            others.sort(null);
            for (String key : others) {
                text.append(';').append(key).append('=').append(values.get(key));
            }
        }
        return text.toString();
    }
}
