package dev.glasshouse.engine.client;

import dev.glasshouse.engine.wire.ErrorCode;
import java.util.List;
import java.util.Optional;

/**
 * A request failed with a ZooKeeper error code: a client mistake answered by the server (NO_NODE,
 * BAD_VERSION, ...), or a session problem detected by the client (CONNECTION_LOSS,
 * SESSION_EXPIRED). A failed multi carries the per-operation results, where the failing operation
 * holds its code and the others OK or RUNTIME_INCONSISTENCY, as the ZooKeeper client reports them.
 * Immutable.
 */
public final class ZkException extends Exception {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String path;
    private final transient List<MultiResult> results;

    public ZkException(ErrorCode code, Optional<String> path, String message) {
        this(code, path, message, List.of());
    }

    public ZkException(ErrorCode code, Optional<String> path, String message, List<MultiResult> results) {
        super(message);
        this.code = code;
        this.path = path.orElse(null);
        this.results = List.copyOf(results);
    }

    /** A reply error: the text names the code and the path, as the ZooKeeper client's message does. */
    static ZkException of(ErrorCode code, Optional<String> path) {
        return new ZkException(code, path, describe(code, path));
    }

    static String describe(ErrorCode code, Optional<String> path) {
        return "KeeperErrorCode = " + code + path.map(p -> " for " + p).orElse("");
    }

    public ErrorCode code() {
        return code;
    }

    /** The client path of the failed request, when it had one. */
    public Optional<String> path() {
        return Optional.ofNullable(path);
    }

    /** The per-operation results of a failed multi; empty for every other request. */
    public List<MultiResult> results() {
        return results == null ? List.of() : results;
    }
}
