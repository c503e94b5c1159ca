package dev.glasshouse.engine.client;

import dev.glasshouse.engine.wire.ConnectRequest;
import dev.glasshouse.engine.wire.ConnectResponse;
import dev.glasshouse.engine.wire.JuteOutput;

/**
 * What a reconnect needs to resume the session: its id and password, the negotiated timeout, and
 * the last zxid seen (so that no server older than what the client already saw can take it). A
 * new session starts with id 0 and 16 zero bytes of password. Written only by the client's event
 * loop; the volatile fields may be read from any thread.
 */
final class SessionIdentity {
    private volatile long sessionId;
    private volatile byte[] password = new byte[ConnectResponse.PASSWORD_BYTES];
    private volatile int negotiatedTimeoutMillis;
    private long lastZxid;

    SessionIdentity(ClientConfig config) {
        config.session().ifPresent(credentials -> {
            sessionId = credentials.sessionId();
            password = credentials.password();
        });
    }

    byte[] connectRequest(ClientConfig config) {
        JuteOutput out = new JuteOutput();
        new ConnectRequest(0, lastZxid, config.sessionTimeoutMillis(), sessionId, password, config.canBeReadOnly(),
                false).write(out);
        return out.toByteArray();
    }

    /** Takes the server's id, password and timeout from a successful handshake. */
    void accept(ConnectResponse response) {
        sessionId = response.sessionId();
        password = response.password();
        negotiatedTimeoutMillis = response.timeoutMillis();
    }

    /** Every reply header carries a zxid; pings and reads carry the server's last one, which is safe to keep too. */
    void observeZxid(long zxid) {
        lastZxid = Math.max(lastZxid, zxid);
    }

    long lastZxid() {
        return lastZxid;
    }

    long sessionId() {
        return sessionId;
    }

    String sessionIdHex() {
        return "0x" + Long.toHexString(sessionId);
    }

    byte[] password() {
        return password.clone();
    }

    int negotiatedTimeoutMillis() {
        return negotiatedTimeoutMillis;
    }

    /** The reference client reads for at most 2/3 of the timeout before declaring the connection dead. */
    int readTimeoutMillis() {
        return negotiatedTimeoutMillis * 2 / 3;
    }
}
