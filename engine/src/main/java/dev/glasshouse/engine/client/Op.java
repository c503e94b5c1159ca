package dev.glasshouse.engine.client;

import dev.glasshouse.engine.wire.Acl;
import dev.glasshouse.engine.wire.CreateMode;
import java.util.List;

/**
 * One operation of a {@code multi} (create, delete, setData, check) or {@code multiRead} (getData,
 * getChildren). Paths are relative to the client's chroot. Immutable values; build them with the
 * static factories.
 */
public sealed interface Op {
    String path();

    static Op create(String path, byte[] data, List<Acl> acl, CreateMode mode) {
        return new Create(path, data, acl, mode, -1);
    }

    static Op createTtl(String path, byte[] data, List<Acl> acl, CreateMode mode, long ttlMillis) {
        return new Create(path, data, acl, mode, ttlMillis);
    }

    static Op delete(String path, int version) {
        return new Delete(path, version);
    }

    static Op setData(String path, byte[] data, int version) {
        return new SetData(path, data, version);
    }

    static Op check(String path, int version) {
        return new Check(path, version);
    }

    static Op getData(String path) {
        return new GetData(path);
    }

    static Op getChildren(String path) {
        return new GetChildren(path);
    }

    /** Creates a node; {@code ttlMillis} matters only for the TTL modes. */
    record Create(String path, byte[] data, List<Acl> acl, CreateMode mode, long ttlMillis) implements Op {
        public Create {
            acl = List.copyOf(acl);
        }
    }

    record Delete(String path, int version) implements Op {
    }

    record SetData(String path, byte[] data, int version) implements Op {
    }

    /** Succeeds only if the node exists with this version (-1 for any). */
    record Check(String path, int version) implements Op {
    }

    record GetData(String path) implements Op {
    }

    record GetChildren(String path) implements Op {
    }
}
