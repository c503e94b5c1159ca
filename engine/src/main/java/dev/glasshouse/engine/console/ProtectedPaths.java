package dev.glasshouse.engine.console;

/**
 * Nodes the consoles refuse to change: {@code /zookeeper} and everything below it belong to the
 * server (quotas, dynamic configuration), and the root cannot be deleted.
 */
public final class ProtectedPaths {
    private ProtectedPaths() {
    }

    public static boolean isProtected(String path) {
        return path.equals("/") || path.equals("/zookeeper") || path.startsWith("/zookeeper/");
    }

    static Problem refusal(String action, String path) {
        return new Problem(action + " refused: " + path + " is managed by the server and protected in the"
                + " console.", "Protected paths: /, /zookeeper and everything below it.");
    }
}
