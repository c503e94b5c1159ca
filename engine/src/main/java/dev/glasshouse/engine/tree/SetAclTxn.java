package dev.glasshouse.engine.tree;

import dev.glasshouse.engine.wire.Acl;
import java.util.List;

/** Replaces a znode's ACL; {@code aversion} is the new ACL version. */
public record SetAclTxn(String path, List<Acl> acl, int aversion) implements Txn {
}
