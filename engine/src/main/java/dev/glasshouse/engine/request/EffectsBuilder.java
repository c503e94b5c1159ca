package dev.glasshouse.engine.request;

import java.util.ArrayList;
import java.util.List;

/** Collects the effects of one pipeline call. */
final class EffectsBuilder {
    private final List<Outbound> toSend = new ArrayList<>();
    private final List<Transaction> toLog = new ArrayList<>();
    private final List<LeaderRequest> toLeader = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    void send(long connectionId, byte[] body) {
        toSend.add(new Outbound.Frame(connectionId, body));
    }

    void disconnect(long connectionId, String reason) {
        toSend.add(new Outbound.Disconnect(connectionId, reason));
    }

    void log(Transaction transaction) {
        toLog.add(transaction);
    }

    void toLeader(LeaderRequest request) {
        toLeader.add(request);
    }

    void warn(String line) {
        warnings.add(line);
    }

    Effects build() {
        if (toSend.isEmpty() && toLog.isEmpty() && toLeader.isEmpty() && warnings.isEmpty()) {
            return Effects.NONE;
        }
        return new Effects(toSend, toLog, toLeader, warnings);
    }
}
