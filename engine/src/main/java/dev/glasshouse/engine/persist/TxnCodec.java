package dev.glasshouse.engine.persist;

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
import dev.glasshouse.engine.wire.ErrorCode;
import dev.glasshouse.engine.wire.JuteInput;
import dev.glasshouse.engine.wire.JuteOutput;
import dev.glasshouse.engine.wire.WireFormatException;
import java.util.ArrayList;
import java.util.List;

/**
 * The payload of one transaction log record (format version 1), in Jute's big-endian encoding:
 *
 * <pre>
 * payload   = sessionId:i64 cxid:i32 time:i64 type:i32 txn
 * txn       = tag:i32 body
 * tag 1     create        op:i32 path:string data:buffer acl:vector&lt;acl&gt; ephemeralOwner:i64 parentCversion:i32
 * tag 2     delete        path:string
 * tag 3     setData       path:string data:buffer version:i32
 * tag 4     setAcl        path:string acl:vector&lt;acl&gt; aversion:i32
 * tag 5     checkVersion  path:string version:i32
 * tag 6     error         code:i32
 * tag 7     multi         count:i32 txn{count}
 * tag 8     createSession timeout:i32 password:buffer
 * tag 9     closeSession  (empty: the session's ephemerals are found in the tree when applied)
 * acl       = perms:i32 scheme:string id:string
 * buffer    = length:i32 (-1 for null) bytes ; string = buffer of UTF-8
 * </pre>
 *
 * The zxid is kept in the record header ({@link FileTxnLog}), not here. Transactions store resulting
 * versions, which is what makes replay idempotent. Stateless and thread-safe.
 */
public final class TxnCodec {
    private static final int CREATE = 1;
    private static final int DELETE = 2;
    private static final int SET_DATA = 3;
    private static final int SET_ACL = 4;
    private static final int CHECK_VERSION = 5;
    private static final int ERROR = 6;
    private static final int MULTI = 7;
    private static final int CREATE_SESSION = 8;
    private static final int CLOSE_SESSION = 9;

    private TxnCodec() {
    }

    public static byte[] encode(Transaction transaction) {
        JuteOutput out = new JuteOutput(64);
        out.writeLong(transaction.sessionId()).writeInt(transaction.cxid()).writeLong(transaction.timeMillis())
                .writeInt(transaction.type());
        write(out, transaction.txn());
        return out.toByteArray();
    }

    /** Decodes a payload; a payload that does not decode fails with {@link WireFormatException}. */
    public static Transaction decode(long zxid, byte[] payload) {
        JuteInput in = JuteInput.of(payload);
        long sessionId = in.readLong();
        int cxid = in.readInt();
        long time = in.readLong();
        int type = in.readInt();
        Txn txn = read(in);
        if (in.hasRemaining()) {
            throw new WireFormatException(in.remaining() + " bytes left after the transaction");
        }
        return new Transaction(sessionId, cxid, zxid, time, type, txn);
    }

    private static void write(JuteOutput out, Txn txn) {
        if (txn instanceof CreateTxn create) {
            out.writeInt(CREATE).writeInt(create.op()).writeString(create.path())
                    .writeBuffer(create.data());
            Acl.writeList(out, create.acl());
            out.writeLong(create.ephemeralOwner()).writeInt(create.parentCversion());
        } else if (txn instanceof DeleteTxn delete) {
            out.writeInt(DELETE).writeString(delete.path());
        } else if (txn instanceof SetDataTxn set) {
            out.writeInt(SET_DATA).writeString(set.path()).writeBuffer(set.data())
                    .writeInt(set.version());
        } else if (txn instanceof SetAclTxn set) {
            out.writeInt(SET_ACL).writeString(set.path());
            Acl.writeList(out, set.acl());
            out.writeInt(set.aversion());
        } else if (txn instanceof CheckVersionTxn check) {
            out.writeInt(CHECK_VERSION).writeString(check.path()).writeInt(check.version());
        } else if (txn instanceof ErrorTxn error) {
            out.writeInt(ERROR).writeInt(error.code().code());
        } else if (txn instanceof MultiTxn multi) {
            out.writeInt(MULTI).writeInt(multi.txns().size());
            multi.txns().forEach(sub -> write(out, sub));
        } else if (txn instanceof CreateSessionTxn create) {
            out.writeInt(CREATE_SESSION).writeInt(create.timeoutMillis()).writeBuffer(create.password());
        } else if (txn instanceof CloseSessionTxn) {
            out.writeInt(CLOSE_SESSION);
        } else {
            throw new IllegalStateException("no log encoding for " + txn);
        }
    }

    private static Txn read(JuteInput in) {
        int tag = in.readInt();
        switch (tag) {
            case CREATE:
                return new CreateTxn(in.readInt(), in.readString(), in.readBuffer(), Acl.readList(in), in.readLong(),
                        in.readInt());
            case DELETE:
                return new DeleteTxn(in.readString());
            case SET_DATA:
                return new SetDataTxn(in.readString(), in.readBuffer(), in.readInt());
            case SET_ACL:
                return new SetAclTxn(in.readString(), Acl.readList(in), in.readInt());
            case CHECK_VERSION:
                return new CheckVersionTxn(in.readString(), in.readInt());
            case ERROR:
                int code = in.readInt();
                return new ErrorTxn(ErrorCode.fromCode(code)
                        .orElseThrow(() -> new WireFormatException("unknown error code " + code)));
            case MULTI:
                int count = in.readCount("multi", 1);
                List<Txn> txns = new ArrayList<>(Math.max(count, 0));
                for (int i = 0; i < count; i++) {
                    txns.add(read(in));
                }
                return new MultiTxn(List.copyOf(txns));
            case CREATE_SESSION:
                return new CreateSessionTxn(in.readInt(), in.readBuffer());
            case CLOSE_SESSION:
                return new CloseSessionTxn();
            default:
                throw new WireFormatException("unknown transaction tag " + tag);
        }
    }
}
