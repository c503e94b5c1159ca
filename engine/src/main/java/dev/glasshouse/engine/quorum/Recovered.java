package dev.glasshouse.engine.quorum;

import java.util.List;

/**
 * What a member reads from its disk at startup to run ZAB: its epoch files, the zxid of the
 * newest snapshot its state was restored from ({@link Zxid#ZERO} without one) and the transaction
 * log entries after it, durable entries only, in zxid order. Immutable.
 */
public record Recovered(Epochs epochs, Zxid snapshotZxid, List<Proposal> log) {
    public static final Recovered EMPTY = new Recovered(Epochs.ZERO, List.of());

    public Recovered {
        log = List.copyOf(log);
        Check.state(log.isEmpty() || log.get(0).zxid().isAfter(snapshotZxid), "log starting at %s does not follow"
                + " snapshot %s", log.isEmpty() ? null : log.get(0).zxid(), snapshotZxid);
    }

    /** A member without a snapshot: its state is rebuilt from the whole log. */
    public Recovered(Epochs epochs, List<Proposal> log) {
        this(epochs, Zxid.ZERO, log);
    }
}
