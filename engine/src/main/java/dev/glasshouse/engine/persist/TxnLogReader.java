package dev.glasshouse.engine.persist;

import dev.glasshouse.engine.request.Transaction;
import dev.glasshouse.engine.wire.WireFormatException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Reads every record of a transaction log ({@link FileTxnLog}'s format) in zxid order without
 * changing any file, and says how the log ends. Used by recovery, which acts on the {@link End},
 * and by {@code glasshouse-engine log dump} and the consoles' log browser, which only show it.
 *
 * <p>A record that is incomplete, has a bad checksum or a zero length followed by data counts as a
 * torn tail when it lies in the newest segment and nothing but zeros follows it: such bytes were
 * never covered by an fsync, so no client was told they were written. Anywhere else it is
 * corruption. Not thread-safe; one reader per pass.
 */
public final class TxnLogReader {
    /** One record as read: where it starts, its size and the transaction. */
    public record Entry(String segment, long offset, int recordBytes, Transaction transaction) {
    }

    /** Receives records in zxid order. */
    public interface Visitor {
        void record(Entry entry) throws IOException;
    }

    /** How a log ends. */
    public sealed interface End {
        /** Every record read; the last zxid read, 0 when the log is empty. */
        record Clean(long lastZxid) implements End {
        }

        /** The newest segment ends in bytes no sync covered: {@code bytesDropped} non-padding bytes from {@code offset}. */
        record TornTail(String segment, long offset, long bytesDropped, long lastZxid) implements End {
        }

        /** Damage before the end: recovery must stop. */
        record Corrupt(String segment, long offset, String reason) implements End {
        }
    }

    private static final int CHUNK = 64 * 1024;

    private final Disk disk;

    public TxnLogReader(Disk disk) {
        this.disk = disk;
    }

    /** Reads every segment, oldest first, handing each record to {@code visitor}. */
    public End read(Visitor visitor) throws IOException {
        List<String> segments = LogSegments.sorted(disk, LogSegments.LOG_PREFIX);
        long lastZxid = 0;
        for (int i = 0; i < segments.size(); i++) {
            boolean newest = i == segments.size() - 1;
            String name = segments.get(i);
            try (Disk.ReadableFile file = disk.open(name)) {
                SegmentScan scan = new SegmentScan(name, file, newest, lastZxid);
                End end = scan.read(visitor);
                if (!(end instanceof End.Clean clean)) {
                    return end;
                }
                lastZxid = clean.lastZxid();
            }
        }
        return new End.Clean(lastZxid);
    }

    /** One pass over one segment. */
    private static final class SegmentScan {
        private final String name;
        private final Disk.ReadableFile file;
        private final boolean newest;
        private final long size;
        private long lastZxid;

        SegmentScan(String name, Disk.ReadableFile file, boolean newest, long lastZxid) throws IOException {
            this.name = name;
            this.file = file;
            this.newest = newest;
            this.size = file.size();
            this.lastZxid = lastZxid;
        }

        End read(Visitor visitor) throws IOException {
            if (size < FileTxnLog.HEADER_BYTES) {
                return failure(0, FileTxnLog.HEADER_BYTES, "the file is shorter than its header");
            }
            ByteBuffer header = readFully(0, FileTxnLog.HEADER_BYTES);
            byte[] magic = new byte[4];
            header.get(magic);
            int version = header.getInt();
            if (!Arrays.equals(magic, FileTxnLog.MAGIC)) {
                return failure(0, FileTxnLog.HEADER_BYTES, "the header is not that of a Glasshouse transaction log");
            }
            if (version != FileTxnLog.VERSION) {
                // A header torn while being written also lands here; only zeros after it tell the two apart.
                return failure(0, FileTxnLog.HEADER_BYTES, "format version " + version
                        + " is not supported (this build reads version 1)");
            }
            long offset = FileTxnLog.HEADER_BYTES;
            while (offset + 4 <= size) {
                int length = readFully(offset, 4).getInt();
                if (length == 0) {
                    return firstNonZero(offset) < 0 ? new End.Clean(lastZxid)
                            : failure(offset, offset + 4, "a zero record length is followed by data");
                }
                long recordEnd = offset + FileTxnLog.RECORD_HEADER_BYTES + (long) length;
                if (length < 0 || recordEnd > size) {
                    // Writes never pass the preallocated end, so a length beyond it is damage, not a tear,
                    // unless nothing at all follows the length field.
                    return failure(offset, offset + 4, "record length " + length + " does not fit the file");
                }
                ByteBuffer record = readFully(offset + 4, FileTxnLog.RECORD_HEADER_BYTES - 4 + length);
                int checksum = record.getInt();
                long zxid = record.getLong(record.position());
                CRC32C crc = new CRC32C();
                crc.update(record.duplicate());
                if ((int) crc.getValue() != checksum) {
                    return failure(offset, recordEnd, "checksum mismatch");
                }
                record.getLong();
                if (zxid <= lastZxid) {
                    return corrupt(offset, "zxid 0x" + Long.toHexString(zxid) + " follows 0x"
                            + Long.toHexString(lastZxid));
                }
                byte[] payload = new byte[length];
                record.get(payload);
                Transaction transaction;
                try {
                    transaction = TxnCodec.decode(zxid, payload);
                } catch (WireFormatException e) {
                    return corrupt(offset, "the record does not decode (" + e.getMessage() + ")");
                }
                visitor.record(new Entry(name, offset, (int) (recordEnd - offset), transaction));
                lastZxid = zxid;
                offset = recordEnd;
            }
            return firstNonZero(offset) < 0 ? new End.Clean(lastZxid)
                    : failure(offset, size, "the file ends inside a record header");
        }

        /** A bad record at {@code offset}: a torn tail if only zeros follow its extent in the newest segment. */
        private End failure(long offset, long extentEnd, String reason) throws IOException {
            if (newest && firstNonZero(Math.max(extentEnd, offset)) < 0) {
                long lastData = lastNonZero(offset);
                return new End.TornTail(name, offset, lastData < 0 ? 0 : lastData + 1 - offset, lastZxid);
            }
            return corrupt(offset, reason);
        }

        private End corrupt(long offset, String reason) {
            return new End.Corrupt(name, offset, reason);
        }

        private long firstNonZero(long from) throws IOException {
            for (long position = from; position < size; position += CHUNK) {
                ByteBuffer chunk = readFully(position, (int) Math.min(CHUNK, size - position));
                for (int i = 0; i < chunk.limit(); i++) {
                    if (chunk.get(i) != 0) {
                        return position + i;
                    }
                }
            }
            return -1;
        }

        private long lastNonZero(long from) throws IOException {
            long last = -1;
            for (long position = from; position < size; position += CHUNK) {
                ByteBuffer chunk = readFully(position, (int) Math.min(CHUNK, size - position));
                for (int i = 0; i < chunk.limit(); i++) {
                    if (chunk.get(i) != 0) {
                        last = position + i;
                    }
                }
            }
            return last;
        }

        private ByteBuffer readFully(long position, int bytes) throws IOException {
            ByteBuffer buffer = ByteBuffer.allocate(bytes);
            while (buffer.hasRemaining()) {
                int read = file.read(buffer, position + buffer.position());
                if (read < 0) {
                    throw new IOException("unexpected end of " + name + " at " + (position + buffer.position()));
                }
            }
            buffer.flip();
            return buffer;
        }
    }
}
