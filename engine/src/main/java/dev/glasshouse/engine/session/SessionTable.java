package dev.glasshouse.engine.session;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The live sessions of a member: ids, passwords, deadlines and expiry. Pure and confined to the
 * member's event-loop thread; time is passed in by the caller.
 *
 * <p>Sessions are created and removed only by applying transactions, so every member's table
 * agrees; deadlines are local, renewed by any request or ping that reaches this member.
 */
public final class SessionTable {
    private final Map<Long, Session> sessions = new LinkedHashMap<>();

    public Session open(long id, int timeoutMillis, byte[] password, long nowMillis) {
        if (sessions.containsKey(id)) {
            throw new IllegalStateException("session 0x" + Long.toHexString(id) + " already exists");
        }
        Session session = new Session(id, timeoutMillis, password, nowMillis);
        sessions.put(id, session);
        return session;
    }

    public Optional<Session> get(long id) {
        return Optional.ofNullable(sessions.get(id));
    }

    /** The session when it exists, is not closing and the password matches; what a reconnect needs. */
    public Optional<Session> validate(long id, byte[] password) {
        Session session = sessions.get(id);
        if (session == null || session.isClosing() || !session.passwordMatches(password)) {
            return Optional.empty();
        }
        return Optional.of(session);
    }

    /** Renews the session's deadline; false when the session is unknown or closing. */
    public boolean touch(long id, long nowMillis) {
        Session session = sessions.get(id);
        if (session == null || session.isClosing()) {
            return false;
        }
        session.touch(nowMillis);
        return true;
    }

    /**
     * A client resumed the session on a new connection with a newly negotiated timeout: from now
     * on the session expires by that timeout, as ZooKeeper's touch with the connection's timeout does.
     */
    public void resume(long id, int timeoutMillis, long nowMillis) {
        Session session = sessions.get(id);
        if (session != null && !session.isClosing()) {
            session.renegotiate(timeoutMillis, nowMillis);
        }
    }

    /** Marks the session as closing so that no new request is accepted while its close is pending. */
    public void markClosing(long id) {
        Session session = sessions.get(id);
        if (session != null) {
            session.markClosing();
        }
    }

    /**
     * A member became the ensemble's leader and now owns expiry: every session gets a full timeout
     * from now, since its clients could not reach a leader during the election, and closes that an
     * earlier leader never committed are forgotten (the session's owner may still retry them).
     */
    public void restartClocks(long nowMillis) {
        sessions.values().forEach(session -> session.restartClock(nowMillis));
    }

    public void remove(long id) {
        sessions.remove(id);
    }

    /** Sessions whose deadline has passed and that are not already closing, in creation order. */
    public List<Long> expired(long nowMillis) {
        List<Long> expired = new ArrayList<>();
        for (Session session : sessions.values()) {
            if (!session.isClosing() && session.deadlineMillis() <= nowMillis) {
                expired.add(session.id());
            }
        }
        return expired;
    }

    public Collection<Session> all() {
        return Collections.unmodifiableCollection(sessions.values());
    }

    public int size() {
        return sessions.size();
    }
}
