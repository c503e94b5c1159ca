package dev.glasshouse.engine.persist;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.glasshouse.engine.tree.NodeImage;
import java.io.IOException;
import java.io.PrintStream;

/**
 * {@code glasshouse-engine snapshot dump FILE}: a snapshot's sessions and nodes as text (one line
 * each) or as one JSON document, like ZooKeeper's snapshot tool. Znode data is shown by size only,
 * session passwords never. Reads only; stateless.
 */
public final class SnapshotDump {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SnapshotDump() {
    }

    /** Prints the snapshot; a damaged file fails with {@link CorruptLogException}. */
    public static void dump(Disk disk, String name, boolean json, PrintStream out) throws IOException {
        Snapshot snapshot = FileSnapshotStore.read(disk, name);
        if (json) {
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(snapshot)));
            return;
        }
        out.println("snapshot zxid=0x" + Long.toHexString(snapshot.zxid()) + " sessions=" + snapshot.sessions().size()
                + " nodes=" + snapshot.nodes().size());
        for (SessionImage session : snapshot.sessions()) {
            out.println("session 0x" + Long.toHexString(session.id()) + " timeoutMillis=" + session.timeoutMillis());
        }
        for (NodeImage node : snapshot.nodes()) {
            out.println(node.path() + "  czxid=0x" + Long.toHexString(node.czxid()) + " mzxid=0x"
                    + Long.toHexString(node.mzxid()) + " pzxid=0x" + Long.toHexString(node.pzxid()) + " ctime="
                    + node.ctime() + " mtime=" + node.mtime() + " version=" + node.version() + " cversion="
                    + node.cversion() + " aversion=" + node.aversion() + " ephemeralOwner=0x"
                    + Long.toHexString(node.ephemeralOwner()) + " dataLength=" + node.dataLength() + " acl="
                    + LogDump.acl(node.acl()));
        }
    }

    static ObjectNode toJson(Snapshot snapshot) {
        ObjectNode root = JSON.createObjectNode().put("zxid", "0x" + Long.toHexString(snapshot.zxid()));
        ArrayNode sessions = root.putArray("sessions");
        for (SessionImage session : snapshot.sessions()) {
            sessions.addObject().put("id", "0x" + Long.toHexString(session.id()))
                    .put("timeoutMillis", session.timeoutMillis());
        }
        ArrayNode nodes = root.putArray("nodes");
        for (NodeImage node : snapshot.nodes()) {
            nodes.addObject().put("path", node.path()).put("czxid", "0x" + Long.toHexString(node.czxid()))
                    .put("mzxid", "0x" + Long.toHexString(node.mzxid()))
                    .put("pzxid", "0x" + Long.toHexString(node.pzxid())).put("ctime", node.ctime())
                    .put("mtime", node.mtime()).put("version", node.version()).put("cversion", node.cversion())
                    .put("aversion", node.aversion())
                    .put("ephemeralOwner", "0x" + Long.toHexString(node.ephemeralOwner()))
                    .put("dataLength", node.dataLength()).put("acl", LogDump.acl(node.acl()));
        }
        return root;
    }
}
