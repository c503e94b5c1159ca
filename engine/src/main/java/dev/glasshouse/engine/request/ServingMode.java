package dev.glasshouse.engine.request;

/**
 * How a pipeline takes part in its ensemble, set by the driver as the member's role changes.
 * Who prepares transactions and who owns session expiry differ; reads and watches are local in
 * every mode.
 */
public enum ServingMode {
    /** A member on its own: it prepares every write, answers sync at once and expires sessions. */
    STANDALONE,
    /**
     * The ensemble's established leader: it prepares its own clients' writes and every learner's
     * forwarded one, expires sessions and reaps containers, and asks the driver to confirm its
     * leadership before answering a sync.
     */
    LEADING,
    /**
     * A follower or observer: it forwards writes, new sessions, syncs and session touches to the
     * leader and answers its clients when the committed transactions come back.
     */
    LEARNING,
    /**
     * A member that lost its quorum, with {@code readonlymode.enabled}: it serves clients that
     * accept a read-only server from its last state, with sessions of its own that the ensemble
     * never hears of, and answers every write and sync with NOTREADONLY, as ZooKeeper does.
     */
    READ_ONLY
}
