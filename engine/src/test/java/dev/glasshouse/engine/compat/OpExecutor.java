package dev.glasshouse.engine.compat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.OpResult;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooDefs.Perms;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Stat;

/**
 * Performs {@link DiffOp}s one at a time, synchronously, through the official client and
 * describes each outcome as one normalised transcript line: the step, then the result code and
 * what came back. Used from the test thread only.
 */
final class OpExecutor {

    /** TTL nodes live far longer than a run, so reaping never races with the steps. */
    static final long TTL_MILLIS = 3_600_000;

    private final SessionPool sessions;
    private final TranscriptNormaliser normaliser;

    OpExecutor(SessionPool sessions) {
        this.sessions = sessions;
        this.normaliser = new TranscriptNormaliser(sessions);
    }

    /** Runs one step and returns its transcript line, without the watch events it caused. */
    String execute(DiffOp op) throws InterruptedException {
        if (op instanceof DiffOp.Multi multi) {
            return op + " -> " + multi(sessions.client(op.session()), multi);
        }
        String outcome;
        try {
            outcome = "OK " + perform(op, sessions.client(op.session()));
        } catch (KeeperException e) {
            outcome = e.code().name();
        }
        return op + " -> " + outcome;
    }

    private String perform(DiffOp op, ZooKeeper zk) throws KeeperException, InterruptedException {
        if (op instanceof DiffOp.Create c) {
            Stat stat = new Stat();
            long ttl = c.mode().isTTL() ? TTL_MILLIS : -1;
            String path = zk.create(c.path(), bytes(c.data()), acl(c.acl()), c.mode(), stat, ttl);
            return path + " " + normaliser.stat(stat);
        } else if (op instanceof DiffOp.Delete d) {
            zk.delete(d.path(), d.version());
            return "";
        } else if (op instanceof DiffOp.SetData s) {
            return normaliser.stat(zk.setData(s.path(), bytes(s.data()), s.version()));
        } else if (op instanceof DiffOp.SetAcl s) {
            return normaliser.stat(zk.setACL(s.path(), acl(s.acl()), s.version()));
        } else if (op instanceof DiffOp.Reconnect r) {
            sessions.reconnect(r.session());
            return "";
        }
        return read(op, zk);
    }

    private String read(DiffOp op, ZooKeeper zk) throws KeeperException, InterruptedException {
        Stat stat = new Stat();
        if (op instanceof DiffOp.Exists e) {
            Stat found = zk.exists(e.path(), e.watch());
            return found == null ? "absent" : normaliser.stat(found);
        } else if (op instanceof DiffOp.GetData g) {
            byte[] data = zk.getData(g.path(), g.watch(), stat);
            return TranscriptNormaliser.data(data) + " " + normaliser.stat(stat);
        } else if (op instanceof DiffOp.GetChildren g) {
            List<String> children = zk.getChildren(g.path(), g.watch(), stat);
            return TranscriptNormaliser.children(children) + " " + normaliser.stat(stat);
        } else if (op instanceof DiffOp.GetAcl g) {
            List<ACL> acl = zk.getACL(g.path(), stat);
            return normaliser.acl(acl) + " " + normaliser.stat(stat);
        } else if (op instanceof DiffOp.AddWatch a) {
            zk.addWatch(a.path(), a.mode());
            return "";
        } else if (op instanceof DiffOp.Sync s) {
            zk.sync(s.path());
            return "";
        } else if (op instanceof DiffOp.GetEphemerals) {
            return TranscriptNormaliser.children(zk.getEphemerals());
        }
        throw new IllegalArgumentException("not a standalone step: " + op);
    }

    private String multi(ZooKeeper zk, DiffOp.Multi multi) throws InterruptedException {
        List<Op> ops = new ArrayList<>();
        for (DiffOp part : multi.parts()) {
            ops.add(toOp(part));
        }
        try {
            return "OK " + results(zk.multi(ops));
        } catch (KeeperException e) {
            // The client throws the first failure; the per-op results say where and why.
            return e.code().name() + " " + results(e.getResults());
        }
    }

    private String results(List<OpResult> results) {
        List<String> lines = new ArrayList<>();
        for (OpResult result : results) {
            lines.add(result(result));
        }
        return lines.toString();
    }

    private String result(OpResult result) {
        if (result instanceof OpResult.CreateResult c) {
            return "created " + c.getPath() + " " + normaliser.stat(c.getStat());
        } else if (result instanceof OpResult.SetDataResult s) {
            return "set " + normaliser.stat(s.getStat());
        } else if (result instanceof OpResult.DeleteResult) {
            return "deleted";
        } else if (result instanceof OpResult.CheckResult) {
            return "checked";
        } else if (result instanceof OpResult.ErrorResult e) {
            return KeeperException.Code.get(e.getErr()).name();
        }
        return "unexpected " + result.getClass().getSimpleName();
    }

    private static Op toOp(DiffOp part) {
        if (part instanceof DiffOp.Create c) {
            return Op.create(c.path(), bytes(c.data()), acl(c.acl()), c.mode());
        } else if (part instanceof DiffOp.Delete d) {
            return Op.delete(d.path(), d.version());
        } else if (part instanceof DiffOp.SetData s) {
            return Op.setData(s.path(), bytes(s.data()), s.version());
        } else if (part instanceof DiffOp.Check c) {
            return Op.check(c.path(), c.version());
        }
        throw new IllegalArgumentException("not allowed inside a multi: " + part);
    }

    private static byte[] bytes(String data) {
        return data.getBytes(StandardCharsets.UTF_8);
    }

    private static List<ACL> acl(DiffOp.AclKind kind) {
        ACL alice = new ACL(Perms.ALL, Digests.id("alice", SessionPool.ALICE_PASSWORD));
        List<ACL> acl = switch (kind) {
            case OPEN -> Ids.OPEN_ACL_UNSAFE;
            case READ_ONLY -> Ids.READ_ACL_UNSAFE;
            case ALICE_ONLY -> List.of(alice);
            case ALICE_AND_WORLD_READ -> List.of(alice, new ACL(Perms.READ, Ids.ANYONE_ID_UNSAFE));
        };
        // The client's ACL check calls contains(null), which immutable lists reject.
        return new ArrayList<>(acl);
    }
}
