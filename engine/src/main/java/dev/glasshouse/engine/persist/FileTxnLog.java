package dev.glasshouse.engine.persist;

import dev.glasshouse.engine.request.Transaction;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * A {@link TxnLog} of append-only segment files on a {@link Disk}, written in batches (group
 * commit: one write and one fsync for every transaction appended since the last sync).
 *
 * <p>Format version 1. A segment is named {@code log.<zxid of its first record, hex>}:
 *
 * <pre>
 * segment = header record* padding
 * header  = magic:"GHLG" version:i32 (=1) reserved:i64 (=0)                      16 bytes
 * record  = length:i32 checksum:i32 zxid:i64 payload[length]                      length &gt; 0
 * checksum = CRC32C over zxid and payload
 * payload = a transaction as {@link TxnCodec} encodes it
 * padding = zero bytes up to the preallocated end (a length of 0 ends the records)
 * </pre>
 *
 * Integers are big-endian. Zxids strictly increase within and across segments. Each segment is grown
 * in {@code preAllocSize} steps of zeros so that a sync is a data-only {@code fdatasync}. A new segment
 * is started at every open, at every {@link #roll()} and after every {@link #truncate(long)}; older
 * segments are never appended to again (a truncation only cuts them).
 * Reading and recovery are {@link TxnLogReader}'s. Confined to the sync thread.
 */
public final class FileTxnLog implements TxnLog {
    static final byte[] MAGIC = "GHLG".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    static final int HEADER_BYTES = 16;
    static final int RECORD_HEADER_BYTES = 16;

    private final Disk disk;
    private final long preAllocBytes;
    private final boolean forceSync;
    private Disk.WritableFile segment;
    private String segmentName;
    private long allocated;
    private ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    private long lastZxid;

    /**
     * A log that continues after {@code lastZxid} (what recovery found) in a new segment.
     *
     * @param preAllocBytes how far each segment is grown with zeros at a time
     * @param forceSync     false to skip the fsync (tests and demos only: a crash can lose acknowledged writes)
     */
    public FileTxnLog(Disk disk, long preAllocBytes, boolean forceSync, long lastZxid) {
        this.disk = disk;
        this.preAllocBytes = Math.max(preAllocBytes, 4096);
        this.forceSync = forceSync;
        this.lastZxid = lastZxid;
    }

    @Override
    public void append(Transaction transaction) throws IOException {
        if (transaction.zxid() <= lastZxid) {
            throw new IllegalStateException("zxid 0x" + Long.toHexString(transaction.zxid())
                    + " appended after 0x" + Long.toHexString(lastZxid));
        }
        if (segment == null) {
            startSegment(transaction.zxid());
        }
        byte[] payload = TxnCodec.encode(transaction);
        ensureBuffer(RECORD_HEADER_BYTES + payload.length);
        CRC32C crc = new CRC32C();
        crc.update(ByteBuffer.allocate(8).putLong(0, transaction.zxid()));
        crc.update(payload);
        buffer.putInt(payload.length).putInt((int) crc.getValue()).putLong(transaction.zxid()).put(payload);
        lastZxid = transaction.zxid();
    }

    private void startSegment(long firstZxid) throws IOException {
        segmentName = LogSegments.logName(firstZxid);
        segment = disk.create(segmentName);
        segment.preallocate(preAllocBytes);
        allocated = preAllocBytes;
        ensureBuffer(HEADER_BYTES);
        buffer.put(MAGIC).putInt(VERSION).putLong(0);
    }

    private void ensureBuffer(int bytes) {
        if (buffer.remaining() < bytes) {
            ByteBuffer larger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + bytes));
            buffer.flip();
            larger.put(buffer);
            buffer = larger;
        }
    }

    @Override
    public void sync() throws IOException {
        if (segment == null || buffer.position() == 0) {
            return;
        }
        long end = segment.position() + buffer.position();
        if (end > allocated) {
            allocated = (end / preAllocBytes + 1) * preAllocBytes;
            segment.preallocate(allocated);
        }
        buffer.flip();
        segment.write(buffer);
        buffer.clear();
        if (forceSync) {
            segment.sync();
        }
    }

    @Override
    public void roll() throws IOException {
        if (buffer.position() != 0) {
            throw new IllegalStateException("roll with " + buffer.position() + " unsynced bytes");
        }
        if (segment != null) {
            long written = segment.position();
            segment.close();
            segment = null;
            // No record follows in this segment, so its preallocated zeros go: readers scan a zero
            // tail to tell a torn write from damage, and a snapshot-heavy log has many segments.
            disk.truncate(segmentName, written);
        }
    }

    /**
     * Cuts the log after {@code zxid}: later segments are deleted newest first, then the segment
     * holding the last kept record is cut at that record's end, so every crash point leaves a prefix
     * of the log. The next append starts a new segment named after its own zxid.
     */
    @Override
    public void truncate(long zxid) throws IOException {
        if (buffer.position() != 0) {
            throw new IllegalStateException("truncate with " + buffer.position() + " unsynced bytes");
        }
        if (zxid > lastZxid || zxid < 0) {
            throw new IllegalStateException("truncate to 0x" + Long.toHexString(zxid) + " outside the log, which"
                    + " ends at 0x" + Long.toHexString(lastZxid));
        }
        if (segment != null) {
            segment.close();
            segment = null;
        }
        LogCut cut = LogCut.find(disk, zxid);
        List<String> segments = LogSegments.sorted(disk, LogSegments.LOG_PREFIX);
        for (int i = segments.size() - 1; i >= 0; i--) {
            long first = LogSegments.zxidOf(segments.get(i), LogSegments.LOG_PREFIX).orElseThrow();
            if (cut.segment().isEmpty() || Long.compareUnsigned(first, cut.firstZxid()) > 0) {
                disk.delete(segments.get(i));
            }
        }
        if (!cut.segment().isEmpty()) {
            disk.truncate(cut.segment(), cut.end());
        }
        lastZxid = zxid;
    }

    @Override
    public long lastZxid() {
        return lastZxid;
    }

    @Override
    public void close() throws IOException {
        if (segment != null) {
            sync();
            segment.sync();
            segment.close();
            segment = null;
        }
    }
}
