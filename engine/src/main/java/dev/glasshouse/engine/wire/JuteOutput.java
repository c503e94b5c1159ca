package dev.glasshouse.engine.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Writes Jute's binary encoding (ZooKeeper's {@code BinaryOutputArchive}) into a growable array.
 * Null buffers, strings and vectors are written with length -1, as the reference does.
 * Not thread-safe.
 */
public final class JuteOutput {
    private byte[] bytes;
    private int size;

    public JuteOutput() {
        this(64);
    }

    public JuteOutput(int initialCapacity) {
        this.bytes = new byte[Math.max(initialCapacity, 16)];
    }

    public JuteOutput writeInt(int value) {
        ensure(4);
        bytes[size++] = (byte) (value >>> 24);
        bytes[size++] = (byte) (value >>> 16);
        bytes[size++] = (byte) (value >>> 8);
        bytes[size++] = (byte) value;
        return this;
    }

    public JuteOutput writeLong(long value) {
        writeInt((int) (value >>> 32));
        return writeInt((int) value);
    }

    public JuteOutput writeBool(boolean value) {
        ensure(1);
        bytes[size++] = (byte) (value ? 1 : 0);
        return this;
    }

    public JuteOutput writeBuffer(byte[] value) {
        if (value == null) {
            return writeInt(-1);
        }
        writeInt(value.length);
        return writeRaw(value);
    }

    public JuteOutput writeString(String value) {
        return writeBuffer(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    public JuteOutput writeStringVector(List<String> values) {
        if (values == null) {
            return writeInt(-1);
        }
        writeInt(values.size());
        for (String value : values) {
            writeString(value);
        }
        return this;
    }

    public JuteOutput writeRaw(byte[] value) {
        ensure(value.length);
        System.arraycopy(value, 0, bytes, size, value.length);
        size += value.length;
        return this;
    }

    /** Overwrites four bytes already written; used to patch a frame's length prefix. */
    public void patchInt(int position, int value) {
        if (position < 0 || position + 4 > size) {
            throw new IndexOutOfBoundsException("patch at " + position + " of " + size + " bytes");
        }
        bytes[position] = (byte) (value >>> 24);
        bytes[position + 1] = (byte) (value >>> 16);
        bytes[position + 2] = (byte) (value >>> 8);
        bytes[position + 3] = (byte) value;
    }

    public int size() {
        return size;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void ensure(int extra) {
        if (size + extra > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + extra));
        }
    }
}
