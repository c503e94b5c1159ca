package dev.glasshouse.engine.tree;

import dev.glasshouse.engine.wire.Acl;
import java.util.List;

/**
 * Creates a znode. {@code op} is the request opcode (create, create2, createContainer or
 * createTTL), which decides the reply's shape; {@code ephemeralOwner} encodes the node kind
 * ({@link NodeKind}); {@code parentCversion} is the parent's new persisted cversion.
 */
public record CreateTxn(int op, String path, byte[] data, List<Acl> acl, long ephemeralOwner, int parentCversion)
        implements Txn {
}
