package dev.glasshouse.engine.history;

import java.time.Instant;

/** One recorded console edit, as the history views list it. Immutable (the arrays are copies). */
public record AuditEntry(long id, Instant at, String user, String connection, String action, String path,
                         byte[] before, byte[] after) {
}
