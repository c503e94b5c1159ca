package dev.glasshouse.engine.client;

import dev.glasshouse.engine.wire.ErrorCode;
import java.util.Optional;

/**
 * A watcher a request asks to leave, registered locally only once the reply says the server did
 * so too. {@code path} is relative to the chroot. Immutable.
 */
record WatchRegistration(Kind kind, String path, Watcher watcher) {

    enum Kind {
        /** getData: a data watch, left only when the node exists. */
        DATA,
        /** exists: a data watch when the node exists, an exist watch when it does not. */
        EXISTS,
        /** getChildren and getChildren2: a child watch, left only when the node exists. */
        CHILD,
        PERSISTENT,
        PERSISTENT_RECURSIVE
    }

    /** The table the watcher goes to after a reply with this code, or empty when the server left no watch. */
    Optional<WatchTable> tableFor(ErrorCode result) {
        if (kind == Kind.EXISTS && result == ErrorCode.NO_NODE) {
            return Optional.of(WatchTable.EXIST);
        }
        if (result != ErrorCode.OK) {
            return Optional.empty();
        }
        return Optional.of(switch (kind) {
            case DATA, EXISTS -> WatchTable.DATA;
            case CHILD -> WatchTable.CHILD;
            case PERSISTENT -> WatchTable.PERSISTENT;
            case PERSISTENT_RECURSIVE -> WatchTable.PERSISTENT_RECURSIVE;
        });
    }
}
