package dev.glasshouse.engine.persist;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * One directory of files as the transaction log and the snapshot store use it: the port that lets
 * the same format and recovery code run on a real disk ({@link FileDisk}) and on a simulated one
 * that loses unsynced bytes and tears writes (SimDisk, in the tests).
 *
 * <p>Durability contract: bytes written to a {@link WritableFile} survive a crash only once
 * {@link WritableFile#sync()} has returned; a crash may keep any prefix of the unsynced writes,
 * the last one possibly torn part way. Creating, renaming, truncating and deleting a file are
 * durable when the call returns (the directory entry is synced). Implementations are safe for use
 * by one thread per file; the directory operations may be called from any thread.
 */
public interface Disk {
    /** The names of the files in the directory, in no particular order. */
    List<String> list() throws IOException;

    /** Creates an empty file; fails when the name exists. The new entry is durable on return. */
    WritableFile create(String name) throws IOException;

    ReadableFile open(String name) throws IOException;

    /** Cuts a file to {@code size} bytes, durably. */
    void truncate(String name, long size) throws IOException;

    /** Renames atomically, replacing {@code to}; durable on return. */
    void rename(String from, String to) throws IOException;

    void delete(String name) throws IOException;

    /** Where the files live, for messages that an operator reads. */
    String describe(String name);

    /** A file being written at its end. */
    interface WritableFile extends AutoCloseable {
        /** Writes all remaining bytes at the current end of the written data. */
        void write(ByteBuffer bytes) throws IOException;

        /** Bytes written so far. */
        long position();

        /**
         * Grows the file to at least {@code size} bytes of zeros beyond what was written, so that
         * later appends need no metadata update; durable on return.
         */
        void preallocate(long size) throws IOException;

        /** Makes everything written so far durable (fsync). */
        void sync() throws IOException;

        @Override
        void close() throws IOException;
    }

    /** A file read at random positions. */
    interface ReadableFile extends AutoCloseable {
        long size() throws IOException;

        /** Reads up to {@code dst.remaining()} bytes at {@code position}; returns how many, -1 at the end. */
        int read(ByteBuffer dst, long position) throws IOException;

        @Override
        void close() throws IOException;
    }
}
