package dev.glasshouse.engine.request;

import java.util.List;

/**
 * The work one pipeline call leaves for the driver, done in field order: send the frames, then
 * make each transaction durable and hand it back through {@code Pipeline.onLogged} in list order.
 */
public record Effects(List<Outbound> toSend, List<Transaction> toLog) {
    public static final Effects NONE = new Effects(List.of(), List.of());

    public boolean isEmpty() {
        return toSend.isEmpty() && toLog.isEmpty();
    }
}
