package dev.glasshouse.engine.admin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of Prometheus' text exposition format 0.0.4, enough to prove a scraper accepts
 * the page: HELP and TYPE comments, samples with optional labels, and float values (NaN, +Inf).
 * Every sample must belong to a family whose TYPE was declared before it.
 */
final class PrometheusTextParser {
    private static final Pattern TYPE = Pattern.compile("# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) "
            + "(counter|gauge|summary|histogram|untyped)");
    private static final Pattern HELP = Pattern.compile("# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) .*");
    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)"
            + "(\\{(?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\]|\\\\.)*\",?)*})? (\\S+)");

    /** A family's type and its samples, keyed by sample name plus labels. */
    record Family(String type, Map<String, Double> samples) {
    }

    private PrometheusTextParser() {
    }

    static Map<String, Family> parse(String text) {
        Map<String, Family> families = new LinkedHashMap<>();
        for (String line : text.lines().toList()) {
            if (line.isBlank() || HELP.matcher(line).matches()) {
                continue;
            }
            Matcher type = TYPE.matcher(line);
            if (type.matches()) {
                if (families.put(type.group(1), new Family(type.group(2), new LinkedHashMap<>())) != null) {
                    throw new IllegalArgumentException("family declared twice: " + line);
                }
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.matches()) {
                throw new IllegalArgumentException("not a sample: " + line);
            }
            String name = sample.group(1);
            Family family = familyOf(name, families);
            family.samples().put(name + (sample.group(2) == null ? "" : sample.group(2)), value(sample.group(3)));
        }
        return families;
    }

    private static Family familyOf(String name, Map<String, Family> families) {
        Family family = families.get(name);
        for (String suffix : new String[] {"_count", "_sum", "_bucket"}) {
            if (family == null && name.endsWith(suffix)) {
                family = families.get(name.substring(0, name.length() - suffix.length()));
            }
        }
        if (family == null) {
            throw new IllegalArgumentException("sample without a declared TYPE: " + name);
        }
        return family;
    }

    private static double value(String text) {
        return switch (text) {
            case "NaN" -> Double.NaN;
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }
}
