package dev.glasshouse.engine.client;

/**
 * Client-side path checks, as the ZooKeeper client performs them before sending, so that a
 * malformed path fails fast instead of being answered with a confusing server error. Stateless.
 */
final class ZnodePath {
    private ZnodePath() {
    }

    /** Checks an absolute znode path; sequential creates may end with '/' (the server appends the counter). */
    static void validate(String path, boolean sequential) {
        validate(sequential ? path + "1" : path);
    }

    static void validate(String path) {
        if (path == null || path.isEmpty() || path.charAt(0) != '/') {
            throw new IllegalArgumentException("Path must start with '/': '" + path + "'");
        }
        if (path.length() == 1) {
            return;
        }
        if (path.endsWith("/")) {
            throw new IllegalArgumentException("Path must not end with '/': '" + path + "'");
        }
        for (String segment : path.substring(1).split("/", -1)) {
            checkSegment(path, segment);
        }
    }

    private static void checkSegment(String path, String segment) {
        if (segment.isEmpty()) {
            throw new IllegalArgumentException("Empty node name in path '" + path + "'");
        }
        if (segment.equals(".") || segment.equals("..")) {
            throw new IllegalArgumentException("Relative node name '" + segment + "' in path '" + path + "'");
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == 0 || (c > '\u0000' && c <= '\u001f') || (c >= '\u007f' && c <= '\u009f')
                    || (c >= '\ud800' && c <= '\uf8ff') || (c >= '\ufff0' && c <= '\uffff')) {
                throw new IllegalArgumentException("Invalid character at " + i + " of node name in path '"
                        + path + "'");
            }
        }
    }
}
