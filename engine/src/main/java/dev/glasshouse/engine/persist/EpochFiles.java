package dev.glasshouse.engine.persist;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * ZooKeeper's two epoch files in the data directory: {@code acceptedEpoch}, the epoch this member
 * last promised to follow (LEADERINFO), and {@code currentEpoch}, the epoch whose leader it last
 * synchronised with (NEWLEADER). Each holds one decimal number as text, as ZooKeeper writes it; a
 * trailing newline and surrounding blanks are accepted on reading.
 *
 * <p>Durability: a write goes to {@code <name>.tmp}, is synced, and is renamed over the file,
 * which the {@link Disk} makes durable on return; a crash at any point leaves either the old value
 * or the new one, never a mix. A missing file reads as 0 (a member that never took part in an
 * election). A file that does not hold a number is a {@link CorruptEpochException}. Epochs are the
 * high 32 bits of a zxid, so they range from 0 to {@value #MAX_EPOCH}. Used by one thread at a time.
 */
public final class EpochFiles {
    static final String ACCEPTED_EPOCH = "acceptedEpoch";
    static final String CURRENT_EPOCH = "currentEpoch";
    static final String TEMP_SUFFIX = ".tmp";
    static final long MAX_EPOCH = 0xffff_ffffL;

    private final Disk disk;

    /** Epoch files on {@code disk}, which should be the member's data directory (where ZooKeeper keeps them). */
    public EpochFiles(Disk disk) {
        this.disk = disk;
    }

    public long acceptedEpoch() throws IOException {
        return read(ACCEPTED_EPOCH);
    }

    public long currentEpoch() throws IOException {
        return read(CURRENT_EPOCH);
    }

    /** Durably replaces {@code acceptedEpoch}. */
    public void writeAcceptedEpoch(long epoch) throws IOException {
        write(ACCEPTED_EPOCH, epoch);
    }

    /** Durably replaces {@code currentEpoch}. */
    public void writeCurrentEpoch(long epoch) throws IOException {
        write(CURRENT_EPOCH, epoch);
    }

    private long read(String name) throws IOException {
        if (!disk.list().contains(name)) {
            return 0;
        }
        String text;
        try (Disk.ReadableFile file = disk.open(name)) {
            ByteBuffer bytes = ByteBuffer.allocate((int) Math.min(file.size(), 64));
            // An epoch needs at most 10 digits, so the first 64 bytes tell a number from anything else.
            int read = 0;
            while (bytes.hasRemaining() && read >= 0) {
                read = file.read(bytes, bytes.position());
            }
            text = new String(bytes.array(), 0, bytes.position(), StandardCharsets.US_ASCII).strip();
        }
        long epoch = parse(text);
        if (epoch < 0) {
            String file = disk.describe(name);
            throw new CorruptEpochException(file, "Epoch file " + file + " holds \"" + text + "\", not an epoch"
                    + " (a decimal number from 0 to " + MAX_EPOCH + "). This member will not start: its promises to"
                    + " the ensemble are unknown. If the file was edited by hand, put the number back; otherwise"
                    + " move the data directory aside and restart the member so that it copies a fresh state from"
                    + " the other members.");
        }
        return epoch;
    }

    /** The epoch in {@code text}, or -1 when it is not one. */
    private static long parse(String text) {
        if (text.isEmpty() || text.length() > 10 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        long epoch = Long.parseLong(text);
        return epoch <= MAX_EPOCH ? epoch : -1;
    }

    private void write(String name, long epoch) throws IOException {
        if (epoch < 0 || epoch > MAX_EPOCH) {
            throw new IllegalArgumentException("epoch " + epoch + " is not from 0 to " + MAX_EPOCH);
        }
        String temp = name + TEMP_SUFFIX;
        // A crash may have left the temporary file of an earlier write; it never held the real value.
        disk.delete(temp);
        try (Disk.WritableFile file = disk.create(temp)) {
            file.write(ByteBuffer.wrap(Long.toString(epoch).getBytes(StandardCharsets.US_ASCII)));
            file.sync();
        }
        disk.rename(temp, name);
    }
}
