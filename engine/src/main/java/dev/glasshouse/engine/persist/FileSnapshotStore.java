package dev.glasshouse.engine.persist;

import dev.glasshouse.engine.tree.NodeImage;
import dev.glasshouse.engine.wire.Acl;
import dev.glasshouse.engine.wire.Id;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link SnapshotStore} of one file per snapshot on a {@link Disk}, named
 * {@code snapshot.<zxid in hex>}, written as {@code snapshot.<zxid>.tmp} and renamed when durable.
 *
 * <p>Format version 1, big-endian:
 *
 * <pre>
 * file        = header body trailer
 * header      = magic:"GHSN" version:i32 (=1) compression:i32 (0 none, 1 gzip) zxid:i64    20 bytes
 * body        = sessionCount:i32 session{sessionCount} nodeCount:i32 node{nodeCount}    gzip-compressed when compression=1
 * session     = id:i64 timeoutMillis:i32 password:buffer
 * node        = path:string data:buffer acl:vector&lt;acl&gt; czxid:i64 mzxid:i64 ctime:i64 mtime:i64
 *               version:i32 cversion:i32 aversion:i32 ephemeralOwner:i64 pzxid:i64
 * acl         = perms:i32 scheme:string id:string ; vector = count:i32 element{count}
 * buffer      = length:i32 (-1 for null) bytes ; string = buffer of UTF-8
 * trailer     = checksum:i64 seal:u8 ('/')            checksum = CRC32C over header and body as stored
 * </pre>
 *
 * Nodes come parents first; {@code cversion} is the stored child-creation counter. Thread-safe.
 */
public final class FileSnapshotStore implements SnapshotStore {
    private static final Logger log = LoggerFactory.getLogger(FileSnapshotStore.class);
    static final byte[] MAGIC = "GHSN".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    static final int HEADER_BYTES = 20;
    static final int TRAILER_BYTES = 9;
    static final String TEMP_SUFFIX = ".tmp";

    /** How the body is stored ({@code snapshot.compression.method}). */
    public enum Compression {
        NONE, GZIP;

        /** Parses the configured method: empty for none, {@code gz}; snappy has no codec in this build. */
        public static Compression parse(String method) {
            switch (method.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "":
                    return NONE;
                case "gz":
                    return GZIP;
                default:
                    throw new IllegalArgumentException("snapshot.compression.method=" + method + " is not supported;"
                            + " use gz or leave it empty");
            }
        }
    }

    private final Disk disk;
    private final Compression compression;

    public FileSnapshotStore(Disk disk, Compression compression) {
        this.disk = disk;
        this.compression = compression;
    }

    @Override
    public synchronized void write(Snapshot snapshot) throws IOException {
        String name = LogSegments.snapshotName(snapshot.zxid());
        String temp = name + TEMP_SUFFIX;
        disk.delete(temp);
        try (Disk.WritableFile file = disk.create(temp)) {
            CRC32C crc = new CRC32C();
            OutputStream stored = DiskStreams.output(file, crc);
            DataOutputStream header = new DataOutputStream(stored);
            header.write(MAGIC);
            header.writeInt(VERSION);
            header.writeInt(compression.ordinal());
            header.writeLong(snapshot.zxid());
            header.flush();
            GZIPOutputStream gzip = compression == Compression.GZIP ? new GZIPOutputStream(stored, 64 * 1024) : null;
            DataOutputStream body = new DataOutputStream(new BufferedOutputStream(gzip != null ? gzip : stored,
                    64 * 1024));
            writeBody(body, snapshot);
            body.flush();
            if (gzip != null) {
                gzip.finish();
            }
            stored.flush();
            file.write(ByteBuffer.allocate(TRAILER_BYTES).putLong(crc.getValue()).put((byte) '/').flip());
            file.sync();
        }
        disk.rename(temp, name);
    }

    static void writeBody(DataOutputStream out, Snapshot snapshot) throws IOException {
        out.writeInt(snapshot.sessions().size());
        for (SessionImage session : snapshot.sessions()) {
            out.writeLong(session.id());
            out.writeInt(session.timeoutMillis());
            writeBuffer(out, session.password());
        }
        out.writeInt(snapshot.nodes().size());
        for (NodeImage node : snapshot.nodes()) {
            writeBuffer(out, node.path().getBytes(StandardCharsets.UTF_8));
            writeBuffer(out, node.data());
            out.writeInt(node.acl().size());
            for (Acl acl : node.acl()) {
                out.writeInt(acl.perms());
                writeBuffer(out, acl.id().scheme().getBytes(StandardCharsets.UTF_8));
                writeBuffer(out, acl.id().id().getBytes(StandardCharsets.UTF_8));
            }
            out.writeLong(node.czxid());
            out.writeLong(node.mzxid());
            out.writeLong(node.ctime());
            out.writeLong(node.mtime());
            out.writeInt(node.version());
            out.writeInt(node.cversion());
            out.writeInt(node.aversion());
            out.writeLong(node.ephemeralOwner());
            out.writeLong(node.pzxid());
        }
    }

    private static void writeBuffer(DataOutputStream out, byte[] bytes) throws IOException {
        if (bytes == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(bytes.length);
            out.write(bytes);
        }
    }

    @Override
    public synchronized Optional<Snapshot> loadNewest() throws IOException {
        for (long zxid : zxids()) {
            String name = LogSegments.snapshotName(zxid);
            try {
                return Optional.of(read(disk, name));
            } catch (CorruptLogException e) {
                log.warn("Skipping damaged snapshot file={} reason=\"{}\"; trying the next older one",
                        disk.describe(name), e.getMessage());
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized List<Long> zxids() throws IOException {
        List<Long> zxids = new ArrayList<>();
        for (String name : LogSegments.sorted(disk, LogSegments.SNAPSHOT_PREFIX)) {
            zxids.add(LogSegments.zxidOf(name, LogSegments.SNAPSHOT_PREFIX).orElseThrow());
        }
        Collections.reverse(zxids);
        return zxids;
    }

    @Override
    public synchronized void delete(long zxid) throws IOException {
        disk.delete(LogSegments.snapshotName(zxid));
    }

    /** Removes temporary files a crash left behind mid-write. */
    public synchronized void removeLeftovers() throws IOException {
        for (String name : disk.list()) {
            if (name.startsWith(LogSegments.SNAPSHOT_PREFIX) && name.endsWith(TEMP_SUFFIX)) {
                disk.delete(name);
            }
        }
    }

    /** Reads and verifies one snapshot file; damage fails with {@link CorruptLogException}. */
    public static Snapshot read(Disk disk, String name) throws IOException {
        String where = disk.describe(name);
        try (Disk.ReadableFile file = disk.open(name)) {
            long size = file.size();
            if (size < HEADER_BYTES + TRAILER_BYTES) {
                throw new CorruptLogException(where, 0, "snapshot " + where + " is only " + size + " bytes long");
            }
            verifyChecksum(file, size, where);
            DataInputStream header = new DataInputStream(DiskStreams.input(file, 0, HEADER_BYTES));
            byte[] magic = header.readNBytes(4);
            int version = header.readInt();
            int compression = header.readInt();
            long zxid = header.readLong();
            if (!Arrays.equals(magic, MAGIC) || version != VERSION || compression < 0 || compression > 1) {
                throw new CorruptLogException(where, 0, "snapshot " + where + " has an unknown header (version "
                        + version + ", compression " + compression + "); this build reads version 1");
            }
            InputStream stored = DiskStreams.input(file, HEADER_BYTES, size - TRAILER_BYTES);
            InputStream body = compression == 1 ? new GZIPInputStream(stored, 64 * 1024) : stored;
            return readBody(new DataInputStream(new BufferedInputStream(body, 64 * 1024)), zxid, where);
        }
    }

    private static void verifyChecksum(Disk.ReadableFile file, long size, String where) throws IOException {
        CRC32C crc = new CRC32C();
        InputStream in = DiskStreams.input(file, 0, size - TRAILER_BYTES);
        byte[] chunk = new byte[64 * 1024];
        for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
            crc.update(chunk, 0, n);
        }
        DataInputStream trailer = new DataInputStream(DiskStreams.input(file, size - TRAILER_BYTES, size));
        long expected = trailer.readLong();
        if (trailer.readByte() != '/' || expected != crc.getValue()) {
            throw new CorruptLogException(where, size - TRAILER_BYTES, "snapshot " + where
                    + " fails its checksum (incomplete or damaged)");
        }
    }

    static Snapshot readBody(DataInputStream in, long zxid, String where) throws IOException {
        try {
            int sessionCount = in.readInt();
            List<SessionImage> sessions = new ArrayList<>();
            for (int i = 0; i < sessionCount; i++) {
                sessions.add(new SessionImage(in.readLong(), in.readInt(), readBuffer(in)));
            }
            int nodeCount = in.readInt();
            List<NodeImage> nodes = new ArrayList<>();
            for (int i = 0; i < nodeCount; i++) {
                String path = readText(in);
                byte[] data = readBuffer(in);
                int aclCount = in.readInt();
                List<Acl> acl = new ArrayList<>();
                for (int j = 0; j < aclCount; j++) {
                    acl.add(new Acl(in.readInt(), new Id(readText(in),
                            readText(in))));
                }
                nodes.add(new NodeImage(path, data, acl, in.readLong(), in.readLong(), in.readLong(), in.readLong(),
                        in.readInt(), in.readInt(), in.readInt(), in.readLong(), in.readLong()));
            }
            return new Snapshot(zxid, sessions, nodes);
        } catch (EOFException e) {
            throw new CorruptLogException(where, HEADER_BYTES, "snapshot " + where + " body does not decode ("
                    + e + ")");
        }
    }

    private static String readText(DataInputStream in) throws IOException {
        byte[] bytes = readBuffer(in);
        if (bytes == null) {
            throw new EOFException("a string is missing");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] readBuffer(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        return in.readNBytes(length);
    }
}
