package dev.glasshouse.engine.history;

import dev.glasshouse.engine.console.AuditSink;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail of console edits (who, when, path, before and after) in the history store.
 * Thread-safe. Recording never fails the edit: a database error is logged once at WARN and the
 * trail keeps trying with the next edit.
 */
public final class AuditTrail implements AuditSink {
    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    private final HistoryStore store;
    private final Clock clock;
    private final AtomicBoolean failing = new AtomicBoolean();

    public AuditTrail(HistoryStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void record(Edit edit) {
        try {
            store.withConnection(connection -> {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_edit"
                        + " (at_millis, user_name, connection, action, path, before_data, after_data)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setLong(1, clock.millis());
                    insert.setString(2, edit.user());
                    insert.setString(3, edit.connection());
                    insert.setString(4, edit.action());
                    insert.setString(5, edit.path());
                    insert.setBytes(6, edit.before());
                    insert.setBytes(7, edit.after());
                    return insert.executeUpdate();
                }
            });
            if (failing.compareAndSet(true, false)) {
                log.info("Audit trail recording again");
            }
        } catch (SQLException e) {
            if (failing.compareAndSet(false, true)) {
                log.warn("Audit trail cannot record edits path={} reason=\"{}\"", edit.path(), e.getMessage());
            }
        }
    }

    /** The newest edits first, at most {@code limit}; optionally only those on paths under a prefix. */
    public List<AuditEntry> recent(int limit, String pathPrefix) throws SQLException {
        return store.withConnection(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT id, at_millis, user_name, connection,"
                    + " action, path, before_data, after_data FROM audit_edit WHERE path LIKE ? ESCAPE '\\'"
                    + " ORDER BY id DESC LIMIT ?")) {
                query.setString(1, escapeLike(pathPrefix) + "%");
                query.setInt(2, limit);
                try (ResultSet rows = query.executeQuery()) {
                    List<AuditEntry> entries = new ArrayList<>();
                    while (rows.next()) {
                        entries.add(new AuditEntry(rows.getLong(1), Instant.ofEpochMilli(rows.getLong(2)),
                                rows.getString(3), rows.getString(4), rows.getString(5), rows.getString(6),
                                rows.getBytes(7), rows.getBytes(8)));
                    }
                    return entries;
                }
            }
        });
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
