package dev.glasshouse.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks a source tree against a table of {@link Rule}s and lists every {@link Violation} with
 * its file, line and the allowed alternative. Kept apart from {@link SourceRulesTest} so that the
 * checker itself is tested on planted violations and cannot pass vacuously.
 */
final class SourceRules {
    /** Engine packages referenced by their full name in code, outside import lines. */
    private static final Pattern QUALIFIED = Pattern.compile(
            "\\b(dev\\.glasshouse\\.engine(?:\\.\\w+)+|org\\.apache\\.(?:zookeeper|jute)(?:\\.\\w+)*)");

    private final List<Rule> rules;

    SourceRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** Every violation in the {@code .java} files under {@code root}; an absent root has none. */
    List<Violation> check(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Violation> violations = new ArrayList<>();
        for (SourceFile file : read(root)) {
            for (Rule rule : rules) {
                if (rule.scope().test(file.pkg())) {
                    violations.addAll(rule.check(file));
                }
            }
        }
        return violations;
    }

    static List<SourceFile> read(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(path -> path.toString().endsWith(".java")).sorted()
                    .map(path -> SourceFile.read(root, path)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    /**
     * One rule: which packages it covers and what their code may not do.
     *
     * @param why         the rule in words, shown with each violation
     * @param scope       which packages the rule covers
     * @param allowed     for import rules, whether an imported (or fully qualified) name is allowed
     * @param forbidden   for mention rules, text that must not appear in code
     * @param alternative what to do instead, shown with each violation
     */
    record Rule(String why, Predicate<String> scope, Predicate<String> allowed, List<String> forbidden,
                String alternative) {

        /** Files in {@code scope} may import (or name in full) only what {@code allowed} accepts. */
        static Rule onlyImports(String why, Predicate<String> scope, Predicate<String> allowed, String alternative) {
            return new Rule(why, scope, allowed, List.of(), alternative);
        }

        /** Code in {@code scope} (comments and string literals aside) may not contain any of {@code forbidden}. */
        static Rule noMentions(String why, Predicate<String> scope, List<String> forbidden, String alternative) {
            return new Rule(why, scope, name -> true, forbidden, alternative);
        }

        List<Violation> check(SourceFile file) {
            List<Violation> found = new ArrayList<>();
            List<String> lines = file.codeLines();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.strip().startsWith("package ")) {
                    continue;
                }
                for (String name : references(line)) {
                    if (!allowed.test(name)) {
                        found.add(new Violation(file.path(), i + 1, "uses " + name, this));
                    }
                }
                for (String text : forbidden) {
                    if (line.contains(text)) {
                        found.add(new Violation(file.path(), i + 1, "mentions " + text, this));
                    }
                }
            }
            return found;
        }

        private static List<String> references(String line) {
            Optional<String> imported = SourceFile.importOn(line);
            if (imported.isPresent()) {
                return List.of(imported.get());
            }
            List<String> names = new ArrayList<>();
            Matcher matcher = QUALIFIED.matcher(line);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
            return names;
        }
    }

    /** One broken rule at one line. */
    record Violation(Path file, int line, String what, Rule rule) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + what + ". " + rule.why() + ". Instead: " + rule.alternative();
        }
    }
}
