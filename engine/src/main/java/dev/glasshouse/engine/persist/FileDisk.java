package dev.glasshouse.engine.persist;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A {@link Disk} on a real directory through {@link FileChannel}s. Directory changes are followed
 * by an fsync of the directory itself, which is what makes a new or renamed file survive a crash on
 * Linux; data syncs use {@code fdatasync} ({@code force(false)}) because preallocation already fixed
 * the file size.
 */
public final class FileDisk implements Disk {
    private final Path dir;

    /** A disk on {@code dir}, created (with its parents) when missing. */
    public FileDisk(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
    }

    public Path dir() {
        return dir;
    }

    @Override
    public List<String> list() throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(Files::isRegularFile).forEach(file -> names.add(file.getFileName().toString()));
        }
        return names;
    }

    @Override
    public WritableFile create(String name) throws IOException {
        FileChannel channel = FileChannel.open(dir.resolve(name), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE, StandardOpenOption.READ);
        syncDirectory();
        return new Writable(channel);
    }

    @Override
    public ReadableFile open(String name) throws IOException {
        FileChannel channel = FileChannel.open(dir.resolve(name), StandardOpenOption.READ);
        return new ReadableFile() {
            @Override
            public long size() throws IOException {
                return channel.size();
            }

            @Override
            public int read(ByteBuffer dst, long position) throws IOException {
                return channel.read(dst, position);
            }

            @Override
            public void close() throws IOException {
                channel.close();
            }
        };
    }

    @Override
    public void truncate(String name, long size) throws IOException {
        try (FileChannel channel = FileChannel.open(dir.resolve(name), StandardOpenOption.WRITE)) {
            channel.truncate(size);
            channel.force(true);
        }
    }

    @Override
    public void rename(String from, String to) throws IOException {
        Files.move(dir.resolve(from), dir.resolve(to), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        syncDirectory();
    }

    @Override
    public void delete(String name) throws IOException {
        // Disk promises a durable delete: a log segment cut off by a truncation must not come back after a crash.
        if (Files.deleteIfExists(dir.resolve(name))) {
            syncDirectory();
        }
    }

    @Override
    public String describe(String name) {
        return dir.resolve(name).toString();
    }

    private void syncDirectory() throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some platforms cannot open a directory for syncing; their rename and create are
            // durable through the file system's own journal, so nothing more can be done here.
            if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("win")) {
                throw e;
            }
        }
    }

    private static final class Writable implements WritableFile {
        private static final ByteBuffer ZERO = ByteBuffer.allocate(1);

        private final FileChannel channel;
        private long position;

        Writable(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public void write(ByteBuffer bytes) throws IOException {
            while (bytes.hasRemaining()) {
                position += channel.write(bytes, position);
            }
        }

        @Override
        public long position() {
            return position;
        }

        @Override
        public void preallocate(long size) throws IOException {
            if (channel.size() < size) {
                // One zero byte at the new end grows the file; the hole reads as zeros.
                channel.write(ZERO.duplicate(), size - 1);
                channel.force(true);
            }
        }

        @Override
        public void sync() throws IOException {
            channel.force(false);
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
