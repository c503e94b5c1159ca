package dev.glasshouse.engine.request;

import dev.glasshouse.engine.wire.Id;
import dev.glasshouse.engine.wire.RequestBody;
import java.util.Arrays;
import java.util.List;

/**
 * What a member's pipeline asks of the ensemble leader, which alone prepares transactions and owns
 * session expiry (ZooKeeper's learner REQUEST and PING packets). A learner sends these over its
 * peer link; a leader hands its own straight back to its pipeline. Immutable.
 */
public sealed interface LeaderRequest {
    /** A new session that a member accepted: the leader logs {@code createSession} for it. */
    record OpenSession(long sessionId, int timeoutMillis, byte[] password) implements LeaderRequest {
        public OpenSession {
            password = password.clone();
        }

        @Override
        public byte[] password() {
            return password.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof OpenSession that && sessionId == that.sessionId
                    && timeoutMillis == that.timeoutMillis && Arrays.equals(password, that.password);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(sessionId) * 31 + Arrays.hashCode(password);
        }

        @Override
        public String toString() {
            return "OpenSession[0x" + Long.toHexString(sessionId) + " timeout=" + timeoutMillis + "]";
        }
    }

    /**
     * A client's write (or closeSession) with the identities of its connection, which the leader
     * needs for ACL checks. {@code type} is the request's opcode.
     */
    record Write(long sessionId, int cxid, int type, RequestBody body, List<Id> identities) implements LeaderRequest {
        public Write {
            identities = List.copyOf(identities);
        }
    }

    /** A client's sync(): answered with a {@link SyncPoint} once the leader confirmed it still leads a quorum. */
    record Sync(long sessionId, int cxid) implements LeaderRequest {
    }

    /** Sessions that showed life at a member since its last report, so the leader does not expire them. */
    record Touches(List<Long> sessionIds) implements LeaderRequest {
        public Touches {
            sessionIds = List.copyOf(sessionIds);
        }
    }
}
