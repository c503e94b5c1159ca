package dev.glasshouse.console.desktop;

import dev.glasshouse.engine.console.AuditSink;
import dev.glasshouse.engine.console.Problem;
import dev.glasshouse.engine.history.AuditEntry;
import dev.glasshouse.engine.history.AuditTrail;
import dev.glasshouse.engine.history.HistoryStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's audit trail in its data directory. When the database cannot be opened (another
 * console holds it, the disk is read-only) edits still work and are not recorded; the problem says
 * so. Thread-safe, as {@link AuditTrail} is.
 */
final class AuditHistory implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AuditHistory.class);

    private final Optional<HistoryStore> store;
    private final Optional<AuditTrail> trail;
    private final Optional<Problem> problem;

    private AuditHistory(Optional<HistoryStore> store, Optional<Problem> problem) {
        this.store = store;
        this.trail = store.map(opened -> new AuditTrail(opened, Clock.systemUTC()));
        this.problem = problem;
    }

    static AuditHistory open(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            return new AuditHistory(Optional.of(HistoryStore.open(dataDir)), Optional.empty());
        } catch (Exception e) {
            log.warn("Audit trail unavailable dataDir={} reason=\"{}\"", dataDir, e.getMessage());
            return new AuditHistory(Optional.empty(), Optional.of(new Problem("Opening the audit trail in " + dataDir
                    + " failed: edits work but are not recorded. Close other consoles using that folder, or start"
                    + " with --data-dir pointing elsewhere.", e.getClass().getSimpleName() + ": " + e.getMessage())));
        }
    }

    AuditSink sink() {
        return trail.map(t -> (AuditSink) t).orElse(AuditSink.NONE);
    }

    Optional<Problem> problem() {
        return problem;
    }

    /** The newest edits first; blocking, so call it off the FX thread. */
    List<AuditEntry> recent(int limit) throws SQLException {
        return trail.isPresent() ? trail.get().recent(limit, "/") : List.of();
    }

    @Override
    public void close() {
        store.ifPresent(opened -> {
            try {
                opened.close();
            } catch (SQLException e) {
                // Nothing is lost: every edit was committed when it was recorded.
                log.warn("Audit trail did not close cleanly reason=\"{}\"", e.getMessage());
            }
        });
    }
}
