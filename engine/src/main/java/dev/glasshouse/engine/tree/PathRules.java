package dev.glasshouse.engine.tree;

import java.util.Optional;

/**
 * ZooKeeper's path syntax ({@code PathUtils.validatePath}): absolute, slash separated, no empty,
 * {@code .} or {@code ..} components, no trailing slash, and none of the control or reserved
 * characters ZooKeeper forbids.
 */
public final class PathRules {
    private PathRules() {
    }

    /** Why the path is invalid, or empty when it is a valid znode path. */
    public static Optional<String> problem(String path) {
        if (path == null || path.isEmpty()) {
            return Optional.of("path must not be empty");
        }
        if (path.charAt(0) != '/') {
            return Optional.of("path must start with /");
        }
        if (path.length() == 1) {
            return Optional.empty();
        }
        if (path.charAt(path.length() - 1) == '/') {
            return Optional.of("path must not end with /");
        }
        return componentProblem(path);
    }

    private static Optional<String> componentProblem(String path) {
        int start = 1;
        for (int i = 1; i <= path.length(); i++) {
            if (i == path.length() || path.charAt(i) == '/') {
                String component = path.substring(start, i);
                if (component.isEmpty()) {
                    return Optional.of("empty node name at index " + i);
                }
                if (component.equals(".") || component.equals("..")) {
                    return Optional.of("relative paths not allowed at index " + start);
                }
                start = i + 1;
            } else if (isForbidden(path.charAt(i))) {
                return Optional.of("invalid character at index " + i);
            }
        }
        return Optional.empty();
    }

    private static boolean isForbidden(char c) {
        return c == 0
                || (c > '\u0000' && c <= '\u001f')
                || (c >= '\u007f' && c <= '\u009f')
                || (c >= '\ud800' && c <= '\uf8ff')
                || (c >= '\ufff0' && c <= '\uffff');
    }

    /** The parent of a valid path other than the root. */
    public static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash == 0 ? "/" : path.substring(0, slash);
    }

    /** The last component of a valid path other than the root. */
    public static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Joins a parent path and a child name. */
    public static String child(String parent, String name) {
        return parent.equals("/") ? "/" + name : parent + "/" + name;
    }
}
