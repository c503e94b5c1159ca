package dev.glasshouse.engine.persist;

import static dev.glasshouse.engine.persist.LogFixtures.transaction;
import static dev.glasshouse.engine.persist.LogFixtures.zxid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glasshouse.engine.quorum.Proposal;
import dev.glasshouse.engine.quorum.Zxid;
import dev.glasshouse.engine.request.Transaction;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a replicated member's log, after its snapshot, as proposals: epoch 1 counters 1-5 and 6-10, epoch 2 counters 1-3. */
class ReplicatedLogReaderTest {
    @TempDir
    Path dir;

    private FileDisk disk;
    private final List<Transaction> written = new ArrayList<>();

    @BeforeEach
    void writeThreeSegments() throws IOException {
        disk = new FileDisk(dir);
        try (FileTxnLog log = new FileTxnLog(disk, 4096, true, 0)) {
            FileTxnLogTruncateTest.writeThreeSegments(log, written);
        }
    }

    @Test
    void emptyLogHasNoProposals(@TempDir Path empty) throws IOException {
        assertThat(ReplicatedLogReader.readAll(new FileDisk(empty))).isEmpty();
    }

    @Test
    void everyRecordBecomesAProposalOfItsZxidAndEncodedTransaction() throws IOException {
        List<Proposal> proposals = ReplicatedLogReader.readAll(disk);

        assertThat(proposals).hasSize(13).isEqualTo(written.stream().map(LogFixtures::proposal).toList());
        assertThat(proposals.get(10)).isEqualTo(new Proposal(Zxid.of(2, 1), TxnCodec.encode(written.get(10))));
    }

    @Test
    void aTornLastRecordIsDroppedAndCutFromTheFile() throws IOException {
        Path newest = dir.resolve("log.200000001");
        List<Long> offsets = new ArrayList<>();
        new TxnLogReader(disk).read(entry -> offsets.add(entry.offset()));
        long lastOffset = offsets.get(offsets.size() - 1);
        flipByte(newest, lastOffset + FileTxnLog.RECORD_HEADER_BYTES + 3);

        List<Proposal> proposals;
        try (LogCapture capture = new LogCapture(Recovery.class)) {
            proposals = ReplicatedLogReader.readAll(disk);
            assertThat(capture.warnings()).singleElement().asString()
                    .contains("Truncated the torn tail of the transaction log file=" + newest);
        }

        assertThat(proposals).isEqualTo(written.subList(0, 12).stream().map(LogFixtures::proposal).toList());
        assertThat(Files.size(newest)).isEqualTo(lastOffset);
        assertThat(ReplicatedLogReader.readAll(disk)).hasSize(12);
    }

    @Test
    void withoutASnapshotAPurgedLogIsRefused() throws IOException {
        Files.delete(dir.resolve("log.100000001"));

        assertThatThrownBy(() -> ReplicatedLogReader.readAll(disk)).isInstanceOf(CorruptLogException.class)
                .hasMessageContaining(dir.resolve("log.100000006") + " starts at zxid 0x100000006, not at the first"
                        + " transaction of its history")
                .hasMessageContaining("log segments the newest snapshot needs were purged or lost");
    }

    @Test
    void afterASnapshotOnlyTheLaterRecordsAreRead() throws IOException {
        List<Proposal> proposals = ReplicatedLogReader.readAfter(disk, Zxid.of(1, 7));

        assertThat(proposals).isEqualTo(written.subList(7, 13).stream().map(LogFixtures::proposal).toList());
        assertThat(ReplicatedLogReader.readAfter(disk, Zxid.of(2, 3))).isEmpty();
    }

    @Test
    void segmentsTheSnapshotCoversMayBePurged() throws IOException {
        Files.delete(dir.resolve("log.100000001"));

        assertThat(ReplicatedLogReader.readAfter(disk, Zxid.of(1, 5))).hasSize(8);
        assertThat(ReplicatedLogReader.readAfter(disk, Zxid.of(1, 8))).hasSize(5);
    }

    @Test
    void aGapBetweenTheSnapshotAndTheLogIsRefused() throws IOException {
        Files.delete(dir.resolve("log.100000001"));

        assertThatThrownBy(() -> ReplicatedLogReader.readAfter(disk, Zxid.of(1, 3)))
                .isInstanceOf(CorruptLogException.class)
                .hasMessageContaining(" jumps from zxid 0x100000003 to 0x100000006");
    }

    @Test
    void aMissingSegmentInsideAnEpochIsRefused(@TempDir Path gap) throws IOException {
        FileDisk gapDisk = new FileDisk(gap);
        try (FileTxnLog log = new FileTxnLog(gapDisk, 4096, true, 0)) {
            for (long counter = 1; counter <= 9; counter++) {
                log.append(transaction(zxid(1, counter), 1));
                log.sync();
                if (counter % 3 == 0) {
                    log.roll();
                }
            }
        }
        Files.delete(gap.resolve("log.100000004"));

        assertThatThrownBy(() -> ReplicatedLogReader.readAll(gapDisk)).isInstanceOf(CorruptLogException.class)
                .hasMessageContaining(gap.resolve("log.100000007") + " jumps from zxid 0x100000003 to 0x100000007")
                .hasMessageContaining("Move its data directory aside");
    }

    @Test
    void aNewEpochStartsAtCounterOneAfterAnyCounterOfTheLastOne() throws IOException {
        // A segment lost exactly at an epoch's end cannot be told from the log alone: the next epoch starts at 1.
        Files.delete(dir.resolve("log.100000006"));

        assertThat(ReplicatedLogReader.readAll(disk)).hasSize(8);
    }

    @Test
    void aStandaloneLogIsRefused(@TempDir Path standalone) throws IOException {
        FileDisk standaloneDisk = new FileDisk(standalone);
        try (FileTxnLog log = new FileTxnLog(standaloneDisk, 4096, true, 0)) {
            log.append(transaction(1, 1));
        }

        assertThatThrownBy(() -> ReplicatedLogReader.readAll(standaloneDisk)).isInstanceOf(CorruptLogException.class)
                .hasMessageContaining("holds zxid 0x1 at byte 16, which no leader proposes");
    }

    @Test
    void damageBeforeTheEndStopsStartUp() throws IOException {
        flipByte(dir.resolve("log.100000001"), FileTxnLog.HEADER_BYTES + FileTxnLog.RECORD_HEADER_BYTES + 2);

        assertThatThrownBy(() -> ReplicatedLogReader.readAll(disk)).isInstanceOf(CorruptLogException.class)
                .hasMessageContaining("checksum mismatch");
    }

    private static void flipByte(Path file, long offset) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(offset);
            int b = raf.read();
            raf.seek(offset);
            raf.write(b ^ 0x5a);
        }
    }
}
