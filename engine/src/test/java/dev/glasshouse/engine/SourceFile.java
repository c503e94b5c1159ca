package dev.glasshouse.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One Java source file as {@link SourceRules} sees it: its package, its imports and its code lines
 * with comments and the contents of string and character literals blanked out, so that prose like
 * "never calls Thread.sleep" in a Javadoc does not count as a use. Line numbers are preserved.
 *
 * @param path      the file, relative to the scanned source root, for messages
 * @param pkg       the declared package, empty for the default package
 * @param codeLines code only, index 0 is line 1
 */
record SourceFile(Path path, String pkg, List<String> codeLines) {

    static SourceFile read(Path root, Path file) {
        List<String> raw;
        try {
            raw = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        List<String> code = stripCommentsAndLiterals(raw);
        String pkg = code.stream().map(String::strip).filter(line -> line.startsWith("package "))
                .map(line -> line.substring("package ".length()).replace(";", "").strip()).findFirst().orElse("");
        return new SourceFile(root.relativize(file), pkg, code);
    }

    /** The imported name on a line ({@code static} dropped), if the line is an import. */
    static Optional<String> importOn(String codeLine) {
        String line = codeLine.strip();
        if (!line.startsWith("import ") || !line.endsWith(";")) {
            return Optional.empty();
        }
        String name = line.substring("import ".length(), line.length() - 1).strip();
        if (name.startsWith("static ")) {
            name = name.substring("static ".length()).strip();
        }
        return Optional.of(name);
    }

    /** Whether {@code pkg} is {@code base} or one of its subpackages. */
    static boolean inPackage(String pkg, String base) {
        return pkg.equals(base) || pkg.startsWith(base + ".");
    }

    private static List<String> stripCommentsAndLiterals(List<String> raw) {
        List<String> code = new ArrayList<>(raw.size());
        Mode mode = Mode.CODE;
        for (String line : raw) {
            StringBuilder out = new StringBuilder(line.length());
            int i = 0;
            while (i < line.length()) {
                char c = line.charAt(i);
                if (mode == Mode.BLOCK_COMMENT) {
                    if (line.startsWith("*/", i)) {
                        mode = Mode.CODE;
                        i++;
                    }
                } else if (mode == Mode.TEXT_BLOCK) {
                    if (line.startsWith("\"\"\"", i)) {
                        mode = Mode.CODE;
                        out.append("\"\"\"");
                        i += 2;
                    }
                } else if (line.startsWith("//", i)) {
                    break;
                } else if (line.startsWith("/*", i)) {
                    mode = Mode.BLOCK_COMMENT;
                    i++;
                } else if (line.startsWith("\"\"\"", i)) {
                    mode = Mode.TEXT_BLOCK;
                    out.append("\"\"\"");
                    i += 2;
                } else if (c == '"' || c == '\'') {
                    i = skipLiteral(line, i, c);
                    out.append(c).append(c);
                } else {
                    out.append(c);
                }
                i++;
            }
            code.add(out.toString());
        }
        return code;
    }

    /** The index of the literal's closing quote (or the line's last index when it is unclosed). */
    private static int skipLiteral(String line, int open, char quote) {
        int i = open + 1;
        while (i < line.length() && line.charAt(i) != quote) {
            i += line.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i, line.length() - 1);
    }

    private enum Mode {
        CODE,
        BLOCK_COMMENT,
        TEXT_BLOCK
    }
}
