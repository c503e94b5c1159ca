package dev.glasshouse.engine.persist;

import java.io.IOException;

/**
 * Where a truncation after a zxid cuts a transaction log: the segment holding the last record at
 * or before that zxid and the offset just past that record. An empty segment name means no record
 * is kept. Found by reading the log; a damaged log stops the truncation with a
 * {@link CorruptLogException}, while a torn tail (never synced) is simply left behind the cut.
 *
 * @param segment   the segment to cut, or empty when every segment goes
 * @param firstZxid the zxid in that segment's name
 * @param end       the byte offset just past the last kept record
 */
record LogCut(String segment, long firstZxid, long end) {
    static LogCut find(Disk disk, long zxid) throws IOException {
        LogCut[] cut = {new LogCut("", 0, 0)};
        if (zxid == 0) {
            // Every record goes (a learner installing a leader's state): nothing to read.
            return cut[0];
        }
        TxnLogReader.End end = new TxnLogReader(disk).read(entry -> {
            if (entry.transaction().zxid() <= zxid) {
                cut[0] = new LogCut(entry.segment(), LogSegments.zxidOf(entry.segment(), LogSegments.LOG_PREFIX)
                        .orElseThrow(), entry.offset() + entry.recordBytes());
            }
        });
        if (end instanceof TxnLogReader.End.Corrupt corrupt) {
            String file = disk.describe(corrupt.segment());
            throw new CorruptLogException(file, corrupt.offset(), "Transaction log " + file + " is damaged at byte "
                    + corrupt.offset() + " (" + corrupt.reason() + "), so it cannot be truncated after 0x"
                    + Long.toHexString(zxid) + ". Move the data directory aside and restart this member so that it"
                    + " copies a fresh state from the other members.");
        }
        return cut[0];
    }
}
