package dev.glasshouse.engine.persist;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.glasshouse.engine.request.Transaction;
import dev.glasshouse.engine.tree.CheckVersionTxn;
import dev.glasshouse.engine.tree.CloseSessionTxn;
import dev.glasshouse.engine.tree.CreateSessionTxn;
import dev.glasshouse.engine.tree.CreateTxn;
import dev.glasshouse.engine.tree.DeleteTxn;
import dev.glasshouse.engine.tree.ErrorTxn;
import dev.glasshouse.engine.tree.MultiTxn;
import dev.glasshouse.engine.tree.SetAclTxn;
import dev.glasshouse.engine.tree.SetDataTxn;
import dev.glasshouse.engine.tree.Txn;
import dev.glasshouse.engine.wire.Acl;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;

/**
 * {@code glasshouse-engine log dump DIR}: every record of a transaction log as one line of text or
 * one JSON object per line, then how the log ends. Reads only; never changes a file. Znode data is
 * shown by size only, and session passwords never. Stateless; used from the command line.
 */
public final class LogDump {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LogDump() {
    }

    /** Prints the log in {@code disk}; returns 0 when it ends cleanly or in a torn tail, 1 when damaged. */
    public static int dump(Disk disk, boolean json, PrintStream out) throws IOException {
        TxnLogReader.End end = new TxnLogReader(disk).read(entry -> out.println(json ? toJson(entry)
                : toText(entry)));
        String summary;
        int status = 0;
        if (end instanceof TxnLogReader.End.Clean clean) {
            summary = "end: clean lastZxid=0x" + Long.toHexString(clean.lastZxid());
        } else if (end instanceof TxnLogReader.End.TornTail torn) {
            summary = "end: torn tail file=" + disk.describe(torn.segment()) + " offset=" + torn.offset()
                    + " bytesDropped=" + torn.bytesDropped() + " (recovery truncates it)";
        } else {
            TxnLogReader.End.Corrupt corrupt = (TxnLogReader.End.Corrupt) end;
            summary = "end: CORRUPT file=" + disk.describe(corrupt.segment()) + " offset=" + corrupt.offset()
                    + " reason=\"" + corrupt.reason() + "\" (the member will not start)";
            status = 1;
        }
        if (json) {
            out.println(JSON.createObjectNode().put("end", summary.substring("end: ".length())));
        } else {
            out.println(summary);
        }
        return status;
    }

    static String toText(TxnLogReader.Entry entry) {
        Transaction t = entry.transaction();
        return "zxid=0x" + Long.toHexString(t.zxid()) + " time=" + Instant.ofEpochMilli(t.timeMillis())
                + " session=0x" + Long.toHexString(t.sessionId()) + " cxid=" + t.cxid() + " type=" + t.type()
                + " " + describe(t.txn()) + "  [" + entry.segment() + "@" + entry.offset() + "]";
    }

    /** One line per transaction kind, as in ZooKeeper's txn-log tool; data by size only. */
    public static String describe(Txn txn) {
        if (txn instanceof CreateTxn c) {
            return "create path=" + c.path() + " dataLength=" + length(c.data()) + " acl=" + acl(c.acl())
                    + " ephemeralOwner=0x" + Long.toHexString(c.ephemeralOwner()) + " parentCversion="
                    + c.parentCversion();
        } else if (txn instanceof DeleteTxn d) {
            return "delete path=" + d.path();
        } else if (txn instanceof SetDataTxn s) {
            return "setData path=" + s.path() + " dataLength=" + length(s.data()) + " version=" + s.version();
        } else if (txn instanceof SetAclTxn s) {
            return "setAcl path=" + s.path() + " acl=" + acl(s.acl()) + " aversion=" + s.aversion();
        } else if (txn instanceof CheckVersionTxn c) {
            return "check path=" + c.path() + " version=" + c.version();
        } else if (txn instanceof ErrorTxn e) {
            return "error code=" + e.code();
        } else if (txn instanceof MultiTxn m) {
            StringBuilder text = new StringBuilder("multi [");
            for (int i = 0; i < m.txns().size(); i++) {
                text.append(i == 0 ? "" : "; ").append(describe(m.txns().get(i)));
            }
            return text.append(']').toString();
        } else if (txn instanceof CreateSessionTxn s) {
            return "createSession timeoutMillis=" + s.timeoutMillis();
        } else if (txn instanceof CloseSessionTxn) {
            return "closeSession";
        }
        throw new IllegalStateException("unknown transaction " + txn);
    }

    static ObjectNode toJson(TxnLogReader.Entry entry) {
        Transaction t = entry.transaction();
        ObjectNode node = JSON.createObjectNode()
                .put("zxid", "0x" + Long.toHexString(t.zxid()))
                .put("time", t.timeMillis())
                .put("sessionId", "0x" + Long.toHexString(t.sessionId()))
                .put("cxid", t.cxid())
                .put("type", t.type())
                .put("file", entry.segment())
                .put("offset", entry.offset())
                .put("recordBytes", entry.recordBytes());
        node.set("txn", txnJson(t.txn()));
        return node;
    }

    static ObjectNode txnJson(Txn txn) {
        ObjectNode node = JSON.createObjectNode();
        if (txn instanceof CreateTxn c) {
            node.put("kind", "create").put("path", c.path()).put("dataLength", length(c.data()))
                    .put("acl", acl(c.acl())).put("ephemeralOwner", "0x" + Long.toHexString(c.ephemeralOwner()))
                    .put("parentCversion", c.parentCversion());
        } else if (txn instanceof DeleteTxn d) {
            node.put("kind", "delete").put("path", d.path());
        } else if (txn instanceof SetDataTxn s) {
            node.put("kind", "setData").put("path", s.path()).put("dataLength", length(s.data()))
                    .put("version", s.version());
        } else if (txn instanceof SetAclTxn s) {
            node.put("kind", "setAcl").put("path", s.path()).put("acl", acl(s.acl())).put("aversion", s.aversion());
        } else if (txn instanceof CheckVersionTxn c) {
            node.put("kind", "check").put("path", c.path()).put("version", c.version());
        } else if (txn instanceof ErrorTxn e) {
            node.put("kind", "error").put("code", e.code().toString());
        } else if (txn instanceof MultiTxn m) {
            ArrayNode subs = node.put("kind", "multi").putArray("txns");
            m.txns().forEach(sub -> subs.add(txnJson(sub)));
        } else if (txn instanceof CreateSessionTxn s) {
            node.put("kind", "createSession").put("timeoutMillis", s.timeoutMillis());
        } else {
            node.put("kind", "closeSession");
        }
        return node;
    }

    static int length(byte[] data) {
        return data == null ? 0 : data.length;
    }

    static String acl(List<Acl> acl) {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < acl.size(); i++) {
            text.append(i == 0 ? "" : ",").append(acl.get(i).id()).append('=').append(perms(acl.get(i).perms()));
        }
        return text.append(']').toString();
    }

    private static String perms(int perms) {
        String letters = "rwcda";
        StringBuilder text = new StringBuilder();
        for (int bit = 0; bit < letters.length(); bit++) {
            if ((perms & (1 << bit)) != 0) {
                text.append(letters.charAt(bit));
            }
        }
        return text.toString();
    }
}
