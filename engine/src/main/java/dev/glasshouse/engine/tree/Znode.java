package dev.glasshouse.engine.tree;

import dev.glasshouse.engine.wire.Acl;
import dev.glasshouse.engine.wire.Stat;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One node of the {@link DataTree}. Mutable, and mutated only by the tree while it applies a
 * transaction; everyone else reads it through the accessors on the member's event-loop thread.
 */
public final class Znode {
    private byte[] data;
    private List<Acl> acl;
    private final long czxid;
    private long mzxid;
    private final long ctime;
    private long mtime;
    private int version;
    private int cversion;
    private int aversion;
    private final long ephemeralOwner;
    private long pzxid;
    private final Set<String> children = new HashSet<>();

    Znode(byte[] data, List<Acl> acl, long zxid, long time, long ephemeralOwner) {
        this.data = data;
        this.acl = List.copyOf(acl);
        this.czxid = zxid;
        this.mzxid = zxid;
        this.ctime = time;
        this.mtime = time;
        this.ephemeralOwner = ephemeralOwner;
        this.pzxid = zxid;
    }

    /** A node as a snapshot recorded it; its children are linked by the tree as their images arrive. */
    Znode(NodeImage image) {
        this.data = image.data();
        this.acl = List.copyOf(image.acl());
        this.czxid = image.czxid();
        this.mzxid = image.mzxid();
        this.ctime = image.ctime();
        this.mtime = image.mtime();
        this.version = image.version();
        this.cversion = image.cversion();
        this.aversion = image.aversion();
        this.ephemeralOwner = image.ephemeralOwner();
        this.pzxid = image.pzxid();
    }

    NodeImage image(String path) {
        return new NodeImage(path, data, acl, czxid, mzxid, ctime, mtime, version, cversion, aversion,
                ephemeralOwner, pzxid);
    }

    /** The data as stored; null when the client wrote none (kazoo writes null for empty data). */
    public byte[] data() {
        return data;
    }

    public List<Acl> acl() {
        return acl;
    }

    public Set<String> children() {
        return Collections.unmodifiableSet(children);
    }

    public long ephemeralOwner() {
        return ephemeralOwner;
    }

    public NodeKind kind() {
        return NodeKind.of(ephemeralOwner);
    }

    public long mtime() {
        return mtime;
    }

    public int dataLength() {
        return data == null ? 0 : data.length;
    }

    /** The Stat as clients see it: cversion counts creates plus deletes, containers and TTL nodes show owner 0. */
    public Stat stat() {
        return new Stat(czxid, mzxid, ctime, mtime, version, 2 * cversion - children.size(), aversion,
                NodeKind.visibleOwner(ephemeralOwner), dataLength(), children.size(), pzxid);
    }

    NodeState state() {
        return new NodeState(acl, version, cversion, aversion, ephemeralOwner, children.size());
    }

    long mzxid() {
        return mzxid;
    }

    long pzxid() {
        return pzxid;
    }

    int cversion() {
        return cversion;
    }

    void setData(byte[] newData, int newVersion, long zxid, long time) {
        data = newData;
        version = newVersion;
        mzxid = zxid;
        mtime = time;
    }

    /**
     * Replaces the data without a new version, zxid or time: how ZooKeeper keeps a quota's
     * {@code zookeeper_stats} node current, invisibly to watches and Stat.
     */
    void replaceDataSilently(byte[] newData) {
        data = newData;
    }

    void setAcl(List<Acl> newAcl, int newAversion) {
        acl = List.copyOf(newAcl);
        aversion = newAversion;
    }

    void addChild(String name, int newCversion, long zxid) {
        children.add(name);
        if (newCversion > cversion) {
            cversion = newCversion;
            pzxid = zxid;
        }
    }

    /**
     * Replay of a create whose node a fuzzy snapshot already holds: the parent's counter and pzxid
     * still move forward, as ZooKeeper's replay does (ZOOKEEPER-1046), so the next sequential name
     * is not reused.
     */
    void advanceCversion(int newCversion, long zxid) {
        if (newCversion > cversion) {
            cversion = newCversion;
            pzxid = Math.max(pzxid, zxid);
        }
    }

    void addChildSilently(String name) {
        children.add(name);
    }

    void removeChild(String name, long zxid) {
        children.remove(name);
        if (zxid > pzxid) {
            pzxid = zxid;
        }
    }
}
