package dev.glasshouse.engine.quorum;

import java.util.List;

/**
 * What a member reads from its disk at startup to run ZAB: its epoch files and its transaction
 * log, durable entries only, in zxid order. Immutable.
 */
public record Recovered(Epochs epochs, List<Proposal> log) {
    public static final Recovered EMPTY = new Recovered(Epochs.ZERO, List.of());

    public Recovered {
        log = List.copyOf(log);
    }
}
