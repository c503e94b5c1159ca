package dev.glasshouse.engine.session;

import java.util.Arrays;

/**
 * A client session as the member tracks it. Mutable deadline, timeout and closing flag; confined to
 * the member's event-loop thread. The password is kept so any reconnect can be validated.
 */
public final class Session {
    private final long id;
    private int timeoutMillis;
    private final byte[] password;
    private long deadlineMillis;
    private boolean closing;

    Session(long id, int timeoutMillis, byte[] password, long nowMillis) {
        this.id = id;
        this.timeoutMillis = timeoutMillis;
        this.password = password.clone();
        this.deadlineMillis = nowMillis + timeoutMillis;
    }

    public long id() {
        return id;
    }

    public int timeoutMillis() {
        return timeoutMillis;
    }

    public byte[] password() {
        return password.clone();
    }

    public long deadlineMillis() {
        return deadlineMillis;
    }

    /** True once a close was requested or expiry decided; the session then takes no new requests. */
    public boolean isClosing() {
        return closing;
    }

    boolean passwordMatches(byte[] candidate) {
        return candidate != null && Arrays.equals(password, candidate);
    }

    void touch(long nowMillis) {
        deadlineMillis = Math.max(deadlineMillis, nowMillis + timeoutMillis);
    }

    void renegotiate(int newTimeoutMillis, long nowMillis) {
        timeoutMillis = newTimeoutMillis;
        deadlineMillis = nowMillis + newTimeoutMillis;
    }

    void markClosing() {
        closing = true;
    }

    /** A new leader takes the session over: a full timeout from now, and a close it never logged is forgotten. */
    void restartClock(long nowMillis) {
        closing = false;
        deadlineMillis = nowMillis + timeoutMillis;
    }
}
