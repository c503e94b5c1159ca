package dev.glasshouse.engine.compat;

import java.util.List;
import org.apache.zookeeper.AddWatchMode;
import org.apache.zookeeper.CreateMode;

/**
 * One step of a differential run: an operation that session {@code session()} performs. Values
 * only; {@link OpGenerator} makes them from a seed and {@link OpExecutor} performs them.
 */
sealed interface DiffOp {

    /** Index of the client session (0 to {@link SessionPool#SIZE} - 1) that performs the step. */
    int session();

    /** The ACLs a generated create or setACL may ask for. */
    enum AclKind { OPEN, READ_ONLY, ALICE_ONLY, ALICE_AND_WORLD_READ }

    record Create(int session, String path, String data, CreateMode mode, AclKind acl) implements DiffOp {
    }

    record Delete(int session, String path, int version) implements DiffOp {
    }

    record SetData(int session, String path, String data, int version) implements DiffOp {
    }

    record Exists(int session, String path, boolean watch) implements DiffOp {
    }

    record GetData(int session, String path, boolean watch) implements DiffOp {
    }

    record GetChildren(int session, String path, boolean watch) implements DiffOp {
    }

    record AddWatch(int session, String path, AddWatchMode mode) implements DiffOp {
    }

    record SetAcl(int session, String path, AclKind acl, int version) implements DiffOp {
    }

    record GetAcl(int session, String path) implements DiffOp {
    }

    record Sync(int session, String path) implements DiffOp {
    }

    record GetEphemerals(int session) implements DiffOp {
    }

    /** Closes the session (its ephemerals go) and opens a fresh one in the same slot. */
    record Reconnect(int session) implements DiffOp {
    }

    /** An atomic multi; the parts are Create, Delete, SetData and Check steps of the same session. */
    record Multi(int session, List<DiffOp> parts) implements DiffOp {
    }

    /** Only valid inside a {@link Multi}. */
    record Check(int session, String path, int version) implements DiffOp {
    }
}
