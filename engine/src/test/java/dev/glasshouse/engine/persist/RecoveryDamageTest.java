package dev.glasshouse.engine.persist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glasshouse.engine.request.ReplayedState;
import dev.glasshouse.engine.request.Transaction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Log and snapshot files damaged by hand on a real directory, and the documented outcome: a torn or
 * zero-filled tail is cut with one WARN naming file, offset and bytes dropped; damage before the
 * end stops recovery with an error naming file and offset; a damaged snapshot falls back to an
 * older one; a gap between snapshot and log is refused.
 */
class RecoveryDamageTest {
    @TempDir
    Path dir;

    private FileDisk disk;
    private TxnGenerator model;
    private final List<Long> offsets = new ArrayList<>();
    private Path segment;

    @BeforeEach
    void writeTenTransactions() throws IOException {
        disk = new FileDisk(dir);
        model = new TxnGenerator(new SplittableRandom(7));
        try (FileTxnLog log = new FileTxnLog(disk, 64 * 1024, true, 0)) {
            for (int i = 0; i < 10; i++) {
                log.append(model.next());
                log.sync();
            }
        }
        new TxnLogReader(disk).read(entry -> offsets.add(entry.offset()));
        segment = dir.resolve("log.1");
    }

    private ReplayedState recover() throws IOException {
        return Recovery.recover(new FileSnapshotStore(disk, FileSnapshotStore.Compression.NONE), disk, 0).state();
    }

    @Test
    void intactLogReplaysEveryTransaction() throws IOException {
        assertThat(SimDiskCrashTest.describe(recover())).isEqualTo(model.stateAt(10));
    }

    @Test
    void recordCutShortAtTheEndIsTruncatedWithOneWarning() throws IOException {
        long lastStart = offsets.get(9);
        long end = endOfRecords();
        zero(lastStart + 20, end);
        try (LogCapture capture = new LogCapture(Recovery.class)) {
            ReplayedState state = recover();
            assertThat(state.lastZxid()).isEqualTo(9);
            assertThat(SimDiskCrashTest.describe(state)).isEqualTo(model.stateAt(9));
            assertThat(capture.warnings()).singleElement().asString()
                    .contains(segment.toString(), "offset=" + lastStart, "bytesDropped=");
        }
        assertThat(Files.size(segment)).isEqualTo(lastStart);
    }

    @Test
    void zeroFilledRecordAtTheEndIsTruncatedWithOneWarning() throws IOException {
        long lastStart = offsets.get(9);
        zero(lastStart + 16, endOfRecords());
        try (LogCapture capture = new LogCapture(Recovery.class)) {
            assertThat(recover().lastZxid()).isEqualTo(9);
            assertThat(capture.warnings()).singleElement().asString().contains("offset=" + lastStart);
        }
    }

    @Test
    void badChecksumInTheMiddleStopsRecoveryNamingFileAndOffset() throws IOException {
        long damaged = offsets.get(4);
        flipByte(damaged + 18);
        assertThatThrownBy(this::recover).isInstanceOf(CorruptLogException.class)
                .hasMessageContaining(segment.toString()).hasMessageContaining("byte " + damaged)
                .hasMessageContaining("checksum mismatch").hasMessageContaining("will not start")
                .hasMessageContaining("Restore the data directory");
    }

    @Test
    void logDumpShowsRecordsAsJsonAndNamesTheDamageWithoutChangingTheFile() throws IOException {
        long damaged = offsets.get(4);
        flipByte(damaged + 18);
        byte[] before = Files.readAllBytes(segment);
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        int status = LogDump.dump(disk, true, new PrintStream(text, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(1);
        assertThat(text.toString(StandardCharsets.UTF_8).lines()).hasSize(5)
                .first().asString().startsWith("{\"zxid\":\"0x1\"");
        assertThat(text.toString(StandardCharsets.UTF_8))
                .contains("CORRUPT file=" + segment + " offset=" + damaged);
        assertThat(Files.readAllBytes(segment)).isEqualTo(before);
    }

    @Test
    void damagedOlderSegmentIsNeverTreatedAsATornTail() throws IOException {
        long end = endOfRecords();
        try (FileTxnLog log = new FileTxnLog(disk, 64 * 1024, true, 10)) {
            log.append(model.next());
            log.sync();
        }
        long lastStart = offsets.get(9);
        zero(lastStart + 16, end);
        assertThatThrownBy(this::recover).isInstanceOf(CorruptLogException.class)
                .hasMessageContaining(segment.toString()).hasMessageContaining("byte " + lastStart);
    }

    @Test
    void damagedNewestSnapshotFallsBackToTheOlderOne() throws IOException {
        FileSnapshotStore snapshots = new FileSnapshotStore(disk, FileSnapshotStore.Compression.GZIP);
        TxnGenerator replay = new TxnGenerator(new SplittableRandom(7));
        for (int i = 0; i < 4; i++) {
            replay.next();
        }
        snapshots.write(replay.snapshot(4));
        for (int i = 0; i < 4; i++) {
            replay.next();
        }
        snapshots.write(replay.snapshot(8));
        Path newest = dir.resolve("snapshot.8");
        try (RandomAccessFile file = new RandomAccessFile(newest.toFile(), "rw")) {
            file.setLength(file.length() - 3);
        }
        try (LogCapture capture = new LogCapture(FileSnapshotStore.class)) {
            assertThat(SimDiskCrashTest.describe(recover())).isEqualTo(model.stateAt(10));
            assertThat(capture.warnings()).singleElement().asString().contains(newest.toString());
        }
    }

    @Test
    void fuzzySnapshotThatAlreadyHoldsLaterTransactionsRecoversTheSameTree() throws IOException {
        FileSnapshotStore snapshots = new FileSnapshotStore(disk, FileSnapshotStore.Compression.NONE);
        // Labelled 3 but taken after 10: replaying 4..10 meets creates of existing nodes and the like.
        snapshots.write(model.snapshot(3));
        assertThat(SimDiskCrashTest.describe(recover())).isEqualTo(model.stateAt(10));
    }

    @Test
    void logMissingTransactionsAfterTheSnapshotIsRefused() throws IOException {
        TxnGenerator later = new TxnGenerator(new SplittableRandom(7));
        Files.delete(segment);
        try (FileTxnLog log = new FileTxnLog(disk, 64 * 1024, true, 0)) {
            for (int i = 0; i < 6; i++) {
                Transaction transaction = later.next();
                if (i >= 4) {
                    log.append(transaction);
                }
            }
            log.sync();
        }
        assertThatThrownBy(this::recover).isInstanceOf(CorruptLogException.class)
                .hasMessageContaining("lacks the transactions");
    }

    @Test
    void tornHeaderOfANewSegmentIsRemoved() throws IOException {
        Files.write(dir.resolve("log.b"), new byte[] {'G', 'H', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        assertThat(recover().lastZxid()).isEqualTo(10);
        assertThat(dir.resolve("log.b")).doesNotExist();
    }

    private long endOfRecords() throws IOException {
        long[] end = {0};
        new TxnLogReader(disk).read(entry -> end[0] = entry.offset() + entry.recordBytes());
        return end[0];
    }

    private void zero(long from, long to) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
            file.seek(from);
            file.write(new byte[(int) (to - from)]);
        }
    }

    private void flipByte(long at) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
            file.seek(at);
            int b = file.read();
            file.seek(at);
            file.write(b ^ 0x5a);
        }
    }
}
