package dev.glasshouse.engine.request;

import java.util.List;

/**
 * The work one pipeline call leaves for the driver, done in field order: send the frames, then
 * make each transaction durable and hand it back through {@code Pipeline.onLogged} in list order,
 * then deliver the requests for the ensemble's leader ({@code toLeader}: empty on a standalone
 * member). {@code warnings} are lines for the driver to log at WARN (the core does no logging),
 * such as a write going over a quota.
 */
public record Effects(List<Outbound> toSend, List<Transaction> toLog, List<LeaderRequest> toLeader,
                      List<String> warnings) {
    public static final Effects NONE = new Effects(List.of(), List.of(), List.of(), List.of());

    public Effects {
        toSend = List.copyOf(toSend);
        toLog = List.copyOf(toLog);
        toLeader = List.copyOf(toLeader);
        warnings = List.copyOf(warnings);
    }

    public Effects(List<Outbound> toSend, List<Transaction> toLog) {
        this(toSend, toLog, List.of(), List.of());
    }

    public boolean isEmpty() {
        return toSend.isEmpty() && toLog.isEmpty() && toLeader.isEmpty() && warnings.isEmpty();
    }
}
