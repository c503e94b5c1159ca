package dev.glasshouse.engine.request;

import java.util.List;

/**
 * The work one pipeline call leaves for the driver, done in field order: send the frames, then
 * make each transaction durable and hand it back through {@code Pipeline.onLogged} in list order.
 * {@code warnings} are lines for the driver to log at WARN (the core does no logging), such as a
 * write going over a quota.
 */
public record Effects(List<Outbound> toSend, List<Transaction> toLog, List<String> warnings) {
    public static final Effects NONE = new Effects(List.of(), List.of(), List.of());

    public Effects(List<Outbound> toSend, List<Transaction> toLog) {
        this(toSend, toLog, List.of());
    }

    public boolean isEmpty() {
        return toSend.isEmpty() && toLog.isEmpty() && warnings.isEmpty();
    }
}
