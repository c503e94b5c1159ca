package dev.glasshouse.engine.wire;

/**
 * The first frame of a client connection. Clients older than 3.4 omit {@code readOnly}; such a
 * request has {@code legacy} set so that the reply omits the flag too.
 */
public record ConnectRequest(int protocolVersion, long lastZxidSeen, int timeoutMillis, long sessionId,
                             byte[] password, boolean readOnly, boolean legacy) {

    public static ConnectRequest read(JuteInput in) {
        int protocolVersion = in.readInt();
        long lastZxidSeen = in.readLong();
        int timeoutMillis = in.readInt();
        long sessionId = in.readLong();
        byte[] password = in.readBuffer();
        if (!in.hasRemaining()) {
            return new ConnectRequest(protocolVersion, lastZxidSeen, timeoutMillis, sessionId, password, false, true);
        }
        return new ConnectRequest(protocolVersion, lastZxidSeen, timeoutMillis, sessionId, password, in.readBool(),
                false);
    }

    public void write(JuteOutput out) {
        out.writeInt(protocolVersion).writeLong(lastZxidSeen).writeInt(timeoutMillis).writeLong(sessionId)
                .writeBuffer(password);
        if (!legacy) {
            out.writeBool(readOnly);
        }
    }
}
