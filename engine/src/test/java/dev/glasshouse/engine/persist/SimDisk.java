package dev.glasshouse.engine.persist;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * A simulated {@link Disk} in memory for crash tests. It keeps, per file, what a sync made durable
 * and the writes since; {@link #crash()} keeps a random prefix of those writes, tears the last kept
 * one part way (sometimes garbling its final byte), drops the rest, and invalidates open handles.
 * Directory operations are durable at once, as {@link FileDisk} makes them. {@link #crashAfter(int)}
 * makes the n-th following operation fail as if the machine stopped there, so a test can crash at
 * every step of a write sequence. Deterministic for a given {@link RandomGenerator}. Single-threaded.
 */
final class SimDisk implements Disk {
    /** The operation at which the simulated machine stopped. */
    static final class CrashedException extends IOException {
        private static final long serialVersionUID = 1L;

        CrashedException() {
            super("simulated crash");
        }
    }

    private record Write(long position, byte[] bytes) {
    }

    private static final class SimFile {
        byte[] durable = new byte[0];
        byte[] current = new byte[0];
        final List<Write> pending = new ArrayList<>();
    }

    private final RandomGenerator random;
    private final Map<String, SimFile> files = new TreeMap<>();
    private int generation;
    private int operations;
    private int crashAt = Integer.MAX_VALUE;

    SimDisk(RandomGenerator random) {
        this.random = random;
    }

    /** Operations (writes, syncs, directory changes) performed so far. */
    int operations() {
        return operations;
    }

    /** The {@code n}-th operation from now (0 = the next) throws {@link CrashedException} instead of running. */
    void crashAfter(int n) {
        crashAt = operations + n;
    }

    private void step() throws CrashedException {
        if (operations >= crashAt) {
            throw new CrashedException();
        }
        operations++;
    }

    /** Loses what no sync covered, tearing the last surviving write, and ends the crash-at countdown. */
    void crash() {
        crashAt = Integer.MAX_VALUE;
        generation++;
        for (SimFile file : files.values()) {
            byte[] survived = file.durable.clone();
            int kept = random.nextInt(file.pending.size() + 1);
            for (int i = 0; i < kept; i++) {
                survived = apply(survived, file.pending.get(i), file.pending.get(i).bytes().length);
            }
            if (kept < file.pending.size() && file.pending.get(kept).bytes().length > 0 && random.nextBoolean()) {
                Write torn = file.pending.get(kept);
                int length = random.nextInt(torn.bytes().length);
                survived = apply(survived, torn, length);
                if (length > 0 && random.nextBoolean()) {
                    survived[(int) torn.position() + length - 1] ^= (byte) (1 + random.nextInt(255));
                }
            }
            file.durable = survived;
            file.current = survived.clone();
            file.pending.clear();
        }
    }

    private static byte[] apply(byte[] content, Write write, int length) {
        int end = (int) write.position() + length;
        byte[] result = end > content.length ? Arrays.copyOf(content, end) : content;
        System.arraycopy(write.bytes(), 0, result, (int) write.position(), length);
        return result;
    }

    /** The current content of a file, for tests that damage files by hand. */
    byte[] content(String name) {
        return files.get(name).current.clone();
    }

    /** Replaces a file's content durably, as a hand edit with a sync would. */
    void replace(String name, byte[] content) {
        SimFile file = files.get(name);
        file.durable = content.clone();
        file.current = content.clone();
        file.pending.clear();
    }

    @Override
    public List<String> list() {
        return new ArrayList<>(files.keySet());
    }

    @Override
    public WritableFile create(String name) throws IOException {
        step();
        if (files.containsKey(name)) {
            throw new IOException(name + " exists");
        }
        SimFile file = new SimFile();
        files.put(name, file);
        int createdIn = generation;
        return new WritableFile() {
            private long position;

            private void alive() throws IOException {
                if (createdIn != generation || files.get(name) != file) {
                    throw new IOException("handle of " + name + " is gone");
                }
            }

            @Override
            public void write(ByteBuffer bytes) throws IOException {
                alive();
                step();
                byte[] copy = new byte[bytes.remaining()];
                bytes.get(copy);
                Write write = new Write(position, copy);
                file.pending.add(write);
                file.current = apply(file.current, write, copy.length);
                position += copy.length;
            }

            @Override
            public long position() {
                return position;
            }

            @Override
            public void preallocate(long size) throws IOException {
                alive();
                step();
                if (file.current.length < size) {
                    file.current = Arrays.copyOf(file.current, (int) size);
                }
                if (file.durable.length < size) {
                    file.durable = Arrays.copyOf(file.durable, (int) size);
                }
            }

            @Override
            public void sync() throws IOException {
                alive();
                step();
                file.durable = file.current.clone();
                file.pending.clear();
            }

            @Override
            public void close() {
                // Nothing to release; unsynced writes stay pending, as they do in the page cache.
            }
        };
    }

    @Override
    public ReadableFile open(String name) throws IOException {
        SimFile file = files.get(name);
        if (file == null) {
            throw new IOException(name + " does not exist");
        }
        return new ReadableFile() {
            @Override
            public long size() {
                return file.current.length;
            }

            @Override
            public int read(ByteBuffer dst, long position) {
                if (position >= file.current.length) {
                    return -1;
                }
                int n = (int) Math.min(dst.remaining(), file.current.length - position);
                dst.put(file.current, (int) position, n);
                return n;
            }

            @Override
            public void close() {
                // Nothing to release.
            }
        };
    }

    @Override
    public void truncate(String name, long size) throws IOException {
        step();
        SimFile file = files.get(name);
        file.current = Arrays.copyOf(file.current, (int) size);
        file.durable = file.current.clone();
        file.pending.clear();
    }

    @Override
    public void rename(String from, String to) throws IOException {
        step();
        SimFile file = files.remove(from);
        if (file == null) {
            throw new IOException(from + " does not exist");
        }
        files.put(to, file);
    }

    @Override
    public void delete(String name) throws IOException {
        step();
        files.remove(name);
    }

    @Override
    public String describe(String name) {
        return "sim:" + name;
    }
}
