package dev.glasshouse.engine.persist;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Names of transaction log segments and snapshots: {@code log.<first zxid in hex>}, {@code snapshot.<zxid in hex>}. */
final class LogSegments {
    static final String LOG_PREFIX = "log.";
    static final String SNAPSHOT_PREFIX = "snapshot.";

    private LogSegments() {
    }

    static String logName(long firstZxid) {
        return LOG_PREFIX + Long.toHexString(firstZxid);
    }

    static String snapshotName(long zxid) {
        return SNAPSHOT_PREFIX + Long.toHexString(zxid);
    }

    /** The zxid a file name carries after {@code prefix}, when it is one of ours. */
    static Optional<Long> zxidOf(String name, String prefix) {
        if (!name.startsWith(prefix) || name.length() == prefix.length()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseUnsignedLong(name.substring(prefix.length()), 16));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The disk's files named {@code prefix<hex zxid>}, oldest first. */
    static List<String> sorted(Disk disk, String prefix) throws IOException {
        List<String> names = new ArrayList<>();
        for (String name : disk.list()) {
            if (zxidOf(name, prefix).isPresent()) {
                names.add(name);
            }
        }
        names.sort(Comparator.comparing((String name) -> zxidOf(name, prefix).orElseThrow(), Long::compareUnsigned));
        return names;
    }
}
