package dev.glasshouse.engine.persist;

import static dev.glasshouse.engine.persist.LogFixtures.proposal;
import static dev.glasshouse.engine.persist.LogFixtures.readClean;
import static dev.glasshouse.engine.persist.LogFixtures.transaction;
import static dev.glasshouse.engine.persist.LogFixtures.zxid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.glasshouse.engine.request.Transaction;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Truncations queued in order with appends on the sync thread; {@code close()} joins that thread. */
@Timeout(30)
class GroupCommitterTruncateTest {
    @TempDir
    Path dir;

    /** Records what the sync thread reports, in order. */
    private static final class Events implements GroupCommitter.Listener {
        final List<String> seen = new CopyOnWriteArrayList<>();

        @Override
        public void durable(List<Transaction> batch) {
            batch.forEach(t -> seen.add("durable 0x" + Long.toHexString(t.zxid())));
        }

        @Override
        public void failed(IOException cause) {
            seen.add("failed " + cause.getMessage());
        }

        @Override
        public void truncated(long zxid) {
            seen.add("truncated 0x" + Long.toHexString(zxid));
        }
    }

    @Test
    void appendsBeforeATruncationAreSyncedFirstAndAppendsAfterItFollowTheCut() throws IOException {
        FileDisk disk = new FileDisk(dir);
        Events events = new Events();
        List<Transaction> before = List.of(transaction(zxid(1, 1), 1), transaction(zxid(1, 2), 1),
                transaction(zxid(1, 3), 1));
        List<Transaction> after = List.of(transaction(zxid(2, 1), 2), transaction(zxid(2, 2), 2));

        GroupCommitter committer = new GroupCommitter(new FileTxnLog(disk, 4096, true, 0), events, 1000, "t");
        committer.append(before);
        committer.truncate(zxid(1, 1));
        committer.append(after);
        committer.close();

        assertThat(events.seen).containsExactly("durable 0x100000001", "durable 0x100000002",
                "durable 0x100000003", "truncated 0x100000001", "durable 0x200000001", "durable 0x200000002");
        assertThat(readClean(disk)).containsExactly(proposal(before.get(0)), proposal(after.get(0)),
                proposal(after.get(1)));
    }

    @Test
    void aTruncationAfterARollAndToZeroWorksInOrder() throws IOException {
        FileDisk disk = new FileDisk(dir);
        Events events = new Events();
        Transaction first = transaction(zxid(1, 1), 1);
        Transaction again = transaction(zxid(2, 1), 2);

        GroupCommitter committer = new GroupCommitter(new FileTxnLog(disk, 4096, true, 0), events, 1000, "t");
        committer.append(List.of(first));
        committer.roll();
        committer.append(List.of(transaction(zxid(1, 2), 1)));
        committer.truncate(0);
        committer.append(List.of(again));
        committer.close();

        assertThat(events.seen).containsExactly("durable 0x100000001", "durable 0x100000002", "truncated 0x0",
                "durable 0x200000001");
        assertThat(readClean(disk)).containsExactly(proposal(again));
    }

    @Test
    void aTruncationBeyondTheLogStopsTheThreadLikeAFailedSync() throws IOException {
        Events events = new Events();

        GroupCommitter committer = new GroupCommitter(new FileTxnLog(new FileDisk(dir), 4096, true, 0), events,
                1000, "t");
        committer.append(List.of(transaction(zxid(1, 1), 1)));
        committer.truncate(zxid(1, 5));
        committer.append(List.of(transaction(zxid(1, 2), 1)));
        committer.close();

        assertThat(events.seen).hasSize(2).first().isEqualTo("durable 0x100000001");
        assertThat(events.seen.get(1)).startsWith("failed transaction log rejected a write: truncate to 0x100000005");
    }
}
