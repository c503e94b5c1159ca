package dev.glasshouse.engine.console;

/**
 * Where console edits are recorded: who changed which path, from what to what. The H2-backed
 * history store implements it; tests use a list. Implementations are thread-safe; a failure to
 * record is reported by the sink itself and never undoes or blocks the edit.
 */
@FunctionalInterface
public interface AuditSink {
    AuditSink NONE = edit -> { };

    void record(Edit edit);

    /**
     * One edit. {@code before}/{@code after} are the data before and after (empty when the node did
     * not exist or no longer exists); {@code action} is create, set, delete or delete-recursive.
     */
    record Edit(String user, String connection, String action, String path, byte[] before, byte[] after) {
    }
}
