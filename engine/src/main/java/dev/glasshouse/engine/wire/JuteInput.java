package dev.glasshouse.engine.wire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Jute's binary encoding (ZooKeeper's {@code BinaryInputArchive}) from one frame.
 *
 * <p>Big-endian integers, one-byte booleans, and length-prefixed buffers, strings and vectors
 * where a length of -1 means null. Every length is checked against the bytes left in the frame,
 * so a corrupt length fails with {@link WireFormatException} instead of allocating memory.
 * Not thread-safe; one instance reads one frame.
 */
public final class JuteInput {
    private final ByteBuffer buffer;

    private JuteInput(ByteBuffer buffer) {
        this.buffer = buffer;
    }

    public static JuteInput of(ByteBuffer frame) {
        return new JuteInput(frame.slice());
    }

    public static JuteInput of(byte[] frame) {
        return new JuteInput(ByteBuffer.wrap(frame));
    }

    public int readInt() {
        require(4, "int");
        return buffer.getInt();
    }

    public long readLong() {
        require(8, "long");
        return buffer.getLong();
    }

    public boolean readBool() {
        require(1, "boolean");
        return buffer.get() != 0;
    }

    /** A buffer, or null when the sender wrote length -1 (kazoo does so for empty data). */
    public byte[] readBuffer() {
        int length = readLength("buffer");
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return bytes;
    }

    /** A UTF-8 string, or null when the sender wrote length -1. */
    public String readString() {
        byte[] bytes = readBuffer();
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /** A vector of strings; a null vector reads as an empty list, as ZooKeeper's server treats it. */
    public List<String> readStringVector() {
        int count = readCount("vector<ustring>", 4);
        List<String> values = new ArrayList<>(Math.max(count, 0));
        for (int i = 0; i < count; i++) {
            values.add(readString());
        }
        return values;
    }

    /**
     * The element count of a vector, or -1 for null. {@code minElementBytes} bounds the count by
     * the bytes left, so a forged count cannot make the reader allocate a huge list.
     */
    public int readCount(String what, int minElementBytes) {
        int count = readInt();
        if (count < -1 || (long) count * minElementBytes > buffer.remaining()) {
            throw new WireFormatException("bad " + what + " count " + count + " with " + buffer.remaining()
                    + " bytes left");
        }
        return count;
    }

    public boolean hasRemaining() {
        return buffer.hasRemaining();
    }

    public int remaining() {
        return buffer.remaining();
    }

    private int readLength(String what) {
        int length = readInt();
        if (length < -1 || length > buffer.remaining()) {
            throw new WireFormatException("bad " + what + " length " + length + " with " + buffer.remaining()
                    + " bytes left");
        }
        return length;
    }

    private void require(int bytes, String what) {
        if (buffer.remaining() < bytes) {
            throw new WireFormatException("truncated " + what + ": need " + bytes + " bytes, have "
                    + buffer.remaining());
        }
    }
}
