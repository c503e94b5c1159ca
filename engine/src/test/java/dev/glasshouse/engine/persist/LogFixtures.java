package dev.glasshouse.engine.persist;

import dev.glasshouse.engine.quorum.Proposal;
import dev.glasshouse.engine.quorum.Zxid;
import dev.glasshouse.engine.request.Transaction;
import dev.glasshouse.engine.tree.CreateSessionTxn;
import dev.glasshouse.engine.wire.OpCode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Small transactions with replicated zxids ({@code epoch << 32 | counter}) and ways to read a log back. */
final class LogFixtures {
    private LogFixtures() {
    }

    static long zxid(long epoch, long counter) {
        return epoch << 32 | counter;
    }

    /** A session creation whose session id also tells which write it came from ({@code tag}). */
    static Transaction transaction(long zxid, int tag) {
        return new Transaction(tag * 0x1_0000L + (zxid & 0xffff), 0, zxid, 5, OpCode.CREATE_SESSION.code(),
                new CreateSessionTxn(10_000, new byte[16]));
    }

    static Proposal proposal(Transaction transaction) {
        return new Proposal(new Zxid(transaction.zxid()), TxnCodec.encode(transaction));
    }

    /** Every record of the log as proposals, failing the test unless the log ends cleanly. */
    static List<Proposal> readClean(Disk disk) throws IOException {
        List<Proposal> proposals = new ArrayList<>();
        TxnLogReader.End end = new TxnLogReader(disk).read(entry -> proposals.add(proposal(entry.transaction())));
        if (!(end instanceof TxnLogReader.End.Clean)) {
            throw new AssertionError("log does not end cleanly: " + end);
        }
        return proposals;
    }
}
