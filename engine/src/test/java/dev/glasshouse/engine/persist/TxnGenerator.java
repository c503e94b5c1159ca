package dev.glasshouse.engine.persist;

import dev.glasshouse.engine.request.Transaction;
import dev.glasshouse.engine.tree.CloseSessionTxn;
import dev.glasshouse.engine.tree.CreateSessionTxn;
import dev.glasshouse.engine.tree.CreateTxn;
import dev.glasshouse.engine.tree.DataTree;
import dev.glasshouse.engine.tree.DeleteTxn;
import dev.glasshouse.engine.tree.ErrorTxn;
import dev.glasshouse.engine.tree.MultiTxn;
import dev.glasshouse.engine.tree.NodeImage;
import dev.glasshouse.engine.tree.NodeState;
import dev.glasshouse.engine.tree.SetDataTxn;
import dev.glasshouse.engine.tree.Txn;
import dev.glasshouse.engine.wire.Acl;
import dev.glasshouse.engine.wire.ErrorCode;
import dev.glasshouse.engine.wire.OpCode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * Seeded valid transactions (creates, ephemerals, setData, deletes, multis, failed writes, session
 * create and close) against a model tree it applies them to, and the expected state after each
 * zxid as text, so crash tests can compare a recovered member with the exact prefix it must hold.
 */
final class TxnGenerator {
    private final RandomGenerator random;
    private final DataTree tree = new DataTree();
    private final TreeMap<Long, byte[]> sessions = new TreeMap<>();
    private final TreeMap<Long, String> states = new TreeMap<>();
    private long zxid;
    private long nextSession = 0x100;

    TxnGenerator(RandomGenerator random) {
        this.random = random;
        states.put(0L, describe(tree, sessions.keySet(), sessions));
    }

    long zxid() {
        return zxid;
    }

    /** The expected state text after {@code at} was applied. */
    String stateAt(long at) {
        return states.get(at);
    }

    /** A snapshot of the model as it is now, labelled with {@code label} (older than now for a fuzzy one). */
    Snapshot snapshot(long label) {
        List<SessionImage> images = new ArrayList<>();
        sessions.forEach((id, password) -> images.add(new SessionImage(id, 30_000, password)));
        return new Snapshot(label, images, tree.images());
    }

    Transaction next() {
        zxid++;
        long time = 1_000_000 + zxid;
        Transaction transaction;
        int dice = random.nextInt(10);
        if (sessions.isEmpty() || dice == 0) {
            byte[] password = new byte[16];
            random.nextBytes(password);
            long id = nextSession++;
            transaction = new Transaction(id, 0, zxid, time, OpCode.CREATE_SESSION.code(),
                    new CreateSessionTxn(30_000, password));
            sessions.put(id, password);
        } else {
            long session = sessions.keySet().stream().skip(random.nextInt(sessions.size())).findFirst().orElseThrow();
            Txn txn = dice == 1 ? new CloseSessionTxn() : dice == 2 ? multi(session) : single(session);
            transaction = new Transaction(session, (int) zxid, zxid, time, 1, txn);
            if (txn instanceof CloseSessionTxn) {
                sessions.remove(session);
            }
        }
        if (!(transaction.txn() instanceof CreateSessionTxn)) {
            tree.apply(transaction.sessionId(), zxid, time, transaction.txn());
        }
        states.put(zxid, describe(tree, sessions.keySet(), sessions));
        return transaction;
    }

    private Txn multi(long session) {
        if (random.nextBoolean()) {
            return new MultiTxn(List.of(new ErrorTxn(ErrorCode.OK), new ErrorTxn(ErrorCode.NO_NODE)));
        }
        String path = "/m" + zxid;
        int cversion = tree.find("/").orElseThrow().cversion() + 1;
        return new MultiTxn(List.of(new CreateTxn(1, path, bytes(), Acl.OPEN_ACL_UNSAFE, 0, cversion),
                new SetDataTxn(path, bytes(), 1)));
    }

    private Txn single(long session) {
        List<String> paths = new ArrayList<>();
        for (NodeImage image : tree.images()) {
            if (!image.path().startsWith(DataTree.ZOOKEEPER)) {
                paths.add(image.path());
            }
        }
        String target = paths.get(random.nextInt(paths.size()));
        NodeState state = tree.find(target).orElseThrow();
        int dice = random.nextInt(4);
        if (dice == 0 && !target.equals("/") && state.childCount() == 0) {
            return new DeleteTxn(target);
        }
        if (dice == 1) {
            return new SetDataTxn(target, bytes(), state.version() + 1);
        }
        if (state.ephemeralOwner() != 0) {
            return new ErrorTxn(ErrorCode.NO_CHILDREN_FOR_EPHEMERALS);
        }
        String child = (target.equals("/") ? "" : target) + "/n" + zxid;
        long owner = random.nextInt(3) == 0 ? session : 0;
        return new CreateTxn(1, child, bytes(), Acl.OPEN_ACL_UNSAFE, owner, state.cversion() + 1);
    }

    private byte[] bytes() {
        byte[] data = new byte[random.nextInt(40)];
        random.nextBytes(data);
        return data;
    }

    /** A member's state as comparable text: every node's stored fields and data, and the sessions. */
    static String describe(DataTree tree, Iterable<Long> sessionIds, java.util.Map<Long, byte[]> passwords) {
        StringBuilder text = new StringBuilder();
        for (NodeImage n : tree.images()) {
            text.append(n.path()).append(' ').append(Arrays.toString(n.data())).append(' ').append(n.acl())
                    .append(' ').append(n.czxid()).append(' ').append(n.mzxid()).append(' ').append(n.ctime())
                    .append(' ').append(n.mtime()).append(' ').append(n.version()).append(' ').append(n.cversion())
                    .append(' ').append(n.aversion()).append(' ').append(n.ephemeralOwner()).append(' ')
                    .append(n.pzxid()).append('\n');
        }
        for (long id : sessionIds) {
            text.append("session ").append(id).append(' ').append(Arrays.toString(passwords.get(id))).append('\n');
        }
        return text.toString();
    }
}
