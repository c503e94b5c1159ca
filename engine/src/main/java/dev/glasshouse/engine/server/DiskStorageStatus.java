package dev.glasshouse.engine.server;

import dev.glasshouse.engine.admin.StorageStatus;
import dev.glasshouse.engine.admin.api.DirectorySizes;
import dev.glasshouse.engine.admin.api.Distribution;
import dev.glasshouse.engine.admin.api.SnapshotInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Storage as the operations views report it, read from the member's directories: the bytes of
 * its snapshots and log segments, and the newest snapshot by name and modification time. fsync
 * times are not sampled yet. Thread-safe: every call lists the directories afresh.
 */
final class DiskStorageStatus implements StorageStatus {
    private final Path snapshotDir;
    private final Path logDir;

    DiskStorageStatus(Path snapshotDir, Path logDir) {
        this.snapshotDir = snapshotDir;
        this.logDir = logDir;
    }

    @Override
    public DirectorySizes directorySizes() {
        return new DirectorySizes(bytesOf(snapshotDir, "snapshot."), bytesOf(logDir, "log."));
    }

    @Override
    public Optional<SnapshotInfo> lastSnapshot() {
        try (Stream<Path> files = Files.list(snapshotDir)) {
            return files.filter(file -> file.getFileName().toString().matches("snapshot\\.[0-9a-f]+"))
                    .max(Comparator.comparingLong(DiskStorageStatus::zxidOf))
                    .map(file -> new SnapshotInfo(zxidOf(file), modifiedSeconds(file)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public Distribution fsyncMillis() {
        return Distribution.EMPTY;
    }

    private static long bytesOf(Path dir, String prefix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().startsWith(prefix))
                    .mapToLong(DiskStorageStatus::sizeOf).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            // A file removed by purge while we listed it counts as gone.
            return 0;
        }
    }

    private static long zxidOf(Path file) {
        String name = file.getFileName().toString();
        return Long.parseUnsignedLong(name.substring(name.indexOf('.') + 1), 16);
    }

    private static long modifiedSeconds(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis() / 1000;
        } catch (IOException e) {
            return 0;
        }
    }
}
