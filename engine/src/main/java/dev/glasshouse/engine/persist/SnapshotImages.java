package dev.glasshouse.engine.persist;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A {@link Snapshot} as bytes for the wire: the body of a snapshot file (sessions, then nodes in
 * pre-order) without its header and checksum, which the peer link's framing replaces. A leader
 * sends one to a learner it brings up to date with SNAP. Stateless.
 */
public final class SnapshotImages {
    private SnapshotImages() {
    }

    public static byte[] encode(Snapshot snapshot) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            FileSnapshotStore.writeBody(out, snapshot);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    /** The snapshot of {@code zxid} in {@code image}; a body that does not decode is a {@link CorruptLogException}. */
    public static Snapshot decode(long zxid, byte[] image, String from) throws CorruptLogException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(image))) {
            Snapshot snapshot = FileSnapshotStore.readBody(in, zxid, from);
            if (in.available() > 0) {
                throw new CorruptLogException(from, image.length - in.available(), "state image from " + from
                        + " has " + in.available() + " bytes after its last node");
            }
            return snapshot;
        } catch (CorruptLogException e) {
            throw e;
        } catch (IOException e) {
            throw new CorruptLogException(from, 0, "state image from " + from + " does not decode (" + e + ")");
        }
    }
}
