package dev.glasshouse.engine.compat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Stat;

/**
 * Renders replies so that two correct servers produce the same text: times are dropped, session
 * ids become slot labels, and zxids become {@code z1, z2, ...} in order of first appearance, which
 * keeps equality and reuse visible but not the absolute values or the gaps between them.
 */
final class TranscriptNormaliser {

    private final SessionPool sessions;
    private final Map<Long, String> zxids = new HashMap<>();

    TranscriptNormaliser(SessionPool sessions) {
        this.sessions = sessions;
    }

    String stat(Stat stat) {
        if (stat == null) {
            return "nostat";
        }
        return "{cz=" + zxid(stat.getCzxid()) + " mz=" + zxid(stat.getMzxid()) + " pz=" + zxid(stat.getPzxid())
                + " v=" + stat.getVersion() + " cv=" + stat.getCversion() + " av=" + stat.getAversion()
                + " owner=" + owner(stat.getEphemeralOwner()) + " len=" + stat.getDataLength()
                + " kids=" + stat.getNumChildren() + "}";
    }

    String acl(List<ACL> acl) {
        return acl.stream()
                .map(entry -> entry.getId().getScheme() + ":" + entry.getId().getId() + "=" + entry.getPerms())
                .sorted()
                .collect(Collectors.joining(",", "[", "]"));
    }

    static String data(byte[] data) {
        return data == null ? "null" : "'" + new String(data, java.nio.charset.StandardCharsets.UTF_8) + "'";
    }

    static String children(List<String> children) {
        return children.stream().sorted().collect(Collectors.joining(",", "[", "]"));
    }

    private String owner(long sessionId) {
        return sessionId == 0 ? "0" : sessions.label(sessionId);
    }

    private String zxid(long zxid) {
        return zxids.computeIfAbsent(zxid, key -> "z" + (zxids.size() + 1));
    }
}
