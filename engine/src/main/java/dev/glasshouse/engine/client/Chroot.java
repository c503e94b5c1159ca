package dev.glasshouse.engine.client;

/**
 * The client-side root of a session. The server never sees it as such: every path is prefixed
 * on the way out and stripped on the way back (replies, created names, notifications).
 * Immutable; {@code prefix} is empty for no chroot.
 */
record Chroot(String prefix) {

    String toServer(String clientPath) {
        if (prefix.isEmpty()) {
            return clientPath;
        }
        return clientPath.equals("/") ? prefix : prefix + clientPath;
    }

    /** Strips the prefix; a path outside the chroot (which a correct server never sends) is kept as is. */
    String toClient(String serverPath) {
        if (prefix.isEmpty() || serverPath == null) {
            return serverPath;
        }
        if (serverPath.equals(prefix)) {
            return "/";
        }
        if (serverPath.startsWith(prefix) && serverPath.charAt(prefix.length()) == '/') {
            return serverPath.substring(prefix.length());
        }
        return serverPath;
    }
}
