package dev.glasshouse.engine.console;

import dev.glasshouse.engine.wire.Stat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Turns a Stat into rows that explain themselves, for teaching as much as for operating: zxids as
 * hex with epoch and counter, times in a readable zone, the ephemeral owner as a session id.
 */
public final class StatExplainer {
    private final DateTimeFormatter times;

    public StatExplainer(ZoneId zone) {
        this.times = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS zzz").withZone(zone);
    }

    public List<StatRow> explain(Stat stat) {
        return List.of(
                new StatRow("czxid", ZxidText.of(stat.czxid()), "transaction that created the node"),
                new StatRow("mzxid", ZxidText.of(stat.mzxid()), "transaction that last changed the data"),
                new StatRow("pzxid", ZxidText.of(stat.pzxid()), "transaction that last added or removed a child"),
                new StatRow("ctime", time(stat.ctime()), "when the node was created (leader's clock)"),
                new StatRow("mtime", time(stat.mtime()), "when the data last changed (leader's clock)"),
                new StatRow("version", Integer.toString(stat.version()),
                        "number of data changes; a conditional write names it"),
                new StatRow("cversion", Integer.toString(stat.cversion()), "number of child creations and deletions"),
                new StatRow("aversion", Integer.toString(stat.aversion()), "number of ACL changes"),
                new StatRow("ephemeralOwner", owner(stat.ephemeralOwner()),
                        "session that owns this ephemeral node; it goes when the session ends"),
                new StatRow("dataLength", stat.dataLength() + " bytes", "size of the data"),
                new StatRow("numChildren", Integer.toString(stat.numChildren()), "number of children"));
    }

    private String time(long millis) {
        return millis == 0 ? "-" : times.format(Instant.ofEpochMilli(millis));
    }

    private static String owner(long sessionId) {
        return sessionId == 0 ? "none (not ephemeral)" : "session 0x" + Long.toHexString(sessionId);
    }
}
