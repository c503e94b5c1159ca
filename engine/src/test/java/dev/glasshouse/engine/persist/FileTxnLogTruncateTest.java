package dev.glasshouse.engine.persist;

import static dev.glasshouse.engine.persist.LogFixtures.proposal;
import static dev.glasshouse.engine.persist.LogFixtures.readClean;
import static dev.glasshouse.engine.persist.LogFixtures.transaction;
import static dev.glasshouse.engine.persist.LogFixtures.zxid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glasshouse.engine.quorum.Proposal;
import dev.glasshouse.engine.request.Transaction;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Truncating the log after a zxid: three segments, epoch 1 counters 1-5 and 6-10 and epoch 2
 * counters 1-3 (the last one still open), cut at various points, then appended to and read back.
 */
class FileTxnLogTruncateTest {
    @TempDir
    Path dir;

    private FileDisk disk;
    private FileTxnLog log;
    private final List<Transaction> written = new ArrayList<>();

    @BeforeEach
    void writeThreeSegments() throws IOException {
        disk = new FileDisk(dir);
        log = new FileTxnLog(disk, 4096, true, 0);
        writeThreeSegments(log, written);
    }

    static void writeThreeSegments(FileTxnLog log, List<Transaction> written) throws IOException {
        for (long counter = 1; counter <= 13; counter++) {
            long zxid = counter <= 10 ? zxid(1, counter) : zxid(2, counter - 10);
            Transaction transaction = transaction(zxid, 1);
            log.append(transaction);
            written.add(transaction);
            log.sync();
            if (counter == 5 || counter == 10) {
                log.roll();
            }
        }
    }

    private List<Proposal> expected(long through, List<Transaction> after) {
        List<Proposal> proposals = new ArrayList<>();
        written.stream().filter(t -> t.zxid() <= through).forEach(t -> proposals.add(proposal(t)));
        after.forEach(t -> proposals.add(proposal(t)));
        return proposals;
    }

    private List<Transaction> appendNewEpoch(FileTxnLog target) throws IOException {
        List<Transaction> appended = List.of(transaction(zxid(3, 1), 2), transaction(zxid(3, 2), 2));
        for (Transaction transaction : appended) {
            target.append(transaction);
        }
        target.sync();
        return appended;
    }

    @ParameterizedTest(name = "after 0x{0}")
    @ValueSource(longs = {0x1_0000_0007L, 0x1_0000_0005L, 0x1_0000_0006L, 0x1_0000_0001L, 0x1_0000_000aL,
        0x2_0000_0002L, 0x2_0000_0003L, 0})
    void truncationKeepsEverythingUpToTheZxidAndAppendsContinueAfterIt(long zxid) throws IOException {
        log.truncate(zxid);

        assertThat(log.lastZxid()).isEqualTo(zxid);
        assertThat(readClean(disk)).isEqualTo(expected(zxid, List.of()));
        List<Transaction> appended = appendNewEpoch(log);
        log.close();
        assertThat(readClean(disk)).isEqualTo(expected(zxid, appended));
    }

    @Test
    void truncationAtASegmentBoundaryDeletesTheLaterSegments() throws IOException {
        log.truncate(zxid(1, 5));

        assertThat(disk.list()).containsExactly("log.100000001");
    }

    @Test
    void truncationToZeroLeavesAnEmptyLog() throws IOException {
        log.truncate(0);

        assertThat(disk.list()).isEmpty();
        List<Transaction> appended = appendNewEpoch(log);
        assertThat(readClean(disk)).isEqualTo(expected(0, appended));
    }

    @Test
    void aReopenedLogContinuesAfterTheCut() throws IOException {
        log.truncate(zxid(1, 8));
        log.close();

        FileTxnLog reopened = new FileTxnLog(disk, 4096, true, zxid(1, 8));
        List<Transaction> appended = appendNewEpoch(reopened);
        reopened.close();

        assertThat(readClean(disk)).isEqualTo(expected(zxid(1, 8), appended));
    }

    @Test
    void truncationBetweenRecordsKeepsTheEarlierOnesAndStartsAfterTheZxid() throws IOException {
        log.truncate(zxid(1, 10) + 5);

        assertThat(log.lastZxid()).isEqualTo(zxid(1, 10) + 5);
        assertThat(readClean(disk)).isEqualTo(expected(zxid(1, 10), List.of()));
    }

    @Test
    void truncationWithUnsyncedBytesOrBeyondTheLogIsABug() throws IOException {
        assertThatThrownBy(() -> log.truncate(zxid(2, 4))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("outside the log");

        log.append(transaction(zxid(2, 4), 1));

        assertThatThrownBy(() -> log.truncate(zxid(1, 2))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unsynced bytes");
    }

    @Test
    void truncationRefusesADamagedLog() throws IOException {
        log.close();
        var file = dir.resolve("log.100000006").toFile();
        try (var raf = new java.io.RandomAccessFile(file, "rw")) {
            raf.seek(FileTxnLog.HEADER_BYTES + 20);
            raf.write(0x7f);
        }
        FileTxnLog reopened = new FileTxnLog(disk, 4096, true, zxid(2, 3));

        assertThatThrownBy(() -> reopened.truncate(zxid(1, 2))).isInstanceOf(CorruptLogException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("cannot be truncated after 0x100000002");
    }

    /**
     * A crash at every disk operation of a truncation and the appends after it: what survives is
     * always the old log's prefix through the cut followed by either old or new records, never both.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void aCrashDuringTruncationLeavesAPrefixOfTheOldOrTheNewLog(long seed) throws IOException {
        long cut = zxid(1, 7);
        int steps = crashRun(seed, Integer.MAX_VALUE).operations();
        for (int step = 0; step <= steps; step++) {
            SimDisk disk = crashRun(seed, step);
            disk.crash();

            List<Proposal> survived = ReplicatedLogReader.readAll(disk);
            String context = "seed " + seed + " crash at step " + step + " of " + steps;
            List<Proposal> old = written.stream().map(LogFixtures::proposal).toList();
            List<Proposal> fresh = new ArrayList<>(expected(cut, List.of(transaction(zxid(3, 1), 2),
                    transaction(zxid(3, 2), 2))));
            assertThat(survived).as(context).hasSizeGreaterThanOrEqualTo(7);
            boolean oldPrefix = old.subList(0, Math.min(survived.size(), old.size())).equals(survived);
            boolean newPrefix = survived.size() <= fresh.size() && fresh.subList(0, survived.size()).equals(survived);
            assertThat(oldPrefix || newPrefix).as(context + ": " + survived).isTrue();
        }
    }

    private SimDisk crashRun(long seed, int crashStep) throws IOException {
        SimDisk disk = new SimDisk(new SplittableRandom(seed * 1_000 + crashStep));
        FileTxnLog simLog = new FileTxnLog(disk, 4096, true, 0);
        writeThreeSegments(simLog, new ArrayList<>());
        disk.crashAfter(crashStep);
        try {
            simLog.truncate(zxid(1, 7));
            appendNewEpoch(simLog);
        } catch (SimDisk.CrashedException e) {
            // The machine stopped part way; the assertions look at what the disk kept.
        }
        return disk;
    }
}
