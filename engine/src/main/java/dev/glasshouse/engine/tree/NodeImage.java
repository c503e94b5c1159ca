package dev.glasshouse.engine.tree;

import dev.glasshouse.engine.wire.Acl;
import java.util.List;

/**
 * Everything a snapshot keeps of one znode: its path, data, ACL and every Stat field in stored form.
 * {@code cversion} is the persisted counter of child creations (the sequence source), not the
 * client-visible value; children are implied by the paths of the other images. {@code data} is
 * shared with the tree, which never mutates a data array after storing it, and may be null.
 */
public record NodeImage(String path, byte[] data, List<Acl> acl, long czxid, long mzxid, long ctime, long mtime,
                        int version, int cversion, int aversion, long ephemeralOwner, long pzxid) {

    public int dataLength() {
        return data == null ? 0 : data.length;
    }
}
