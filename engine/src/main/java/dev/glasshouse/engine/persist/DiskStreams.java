package dev.glasshouse.engine.persist;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.zip.Checksum;

/** Buffered streams over {@link Disk} files, for the snapshot format. */
final class DiskStreams {
    private static final int BUFFER_BYTES = 64 * 1024;

    private DiskStreams() {
    }

    /** Writes through to {@code file} and adds every byte to {@code checksum}; close does not close the file. */
    static OutputStream output(Disk.WritableFile file, Checksum checksum) {
        return new OutputStream() {
            private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);

            @Override
            public void write(int b) throws IOException {
                if (!buffer.hasRemaining()) {
                    flush();
                }
                buffer.put((byte) b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                while (length > 0) {
                    if (!buffer.hasRemaining()) {
                        flush();
                    }
                    int n = Math.min(length, buffer.remaining());
                    buffer.put(bytes, offset, n);
                    offset += n;
                    length -= n;
                }
            }

            @Override
            public void flush() throws IOException {
                buffer.flip();
                checksum.update(buffer.duplicate());
                file.write(buffer);
                buffer.clear();
            }
        };
    }

    /** Reads {@code file} from {@code start} up to (not including) {@code end}. */
    static InputStream input(Disk.ReadableFile file, long start, long end) {
        return new InputStream() {
            private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES).flip();
            private long position = start;

            @Override
            public int read() throws IOException {
                if (!fill()) {
                    return -1;
                }
                return buffer.get() & 0xff;
            }

            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                if (length == 0) {
                    return 0;
                }
                if (!fill()) {
                    return -1;
                }
                int n = Math.min(length, buffer.remaining());
                buffer.get(bytes, offset, n);
                return n;
            }

            private boolean fill() throws IOException {
                if (buffer.hasRemaining()) {
                    return true;
                }
                if (position >= end) {
                    return false;
                }
                buffer.clear().limit((int) Math.min(BUFFER_BYTES, end - position));
                int read = file.read(buffer, position);
                buffer.flip();
                if (read <= 0) {
                    return false;
                }
                position += read;
                return true;
            }
        };
    }
}
