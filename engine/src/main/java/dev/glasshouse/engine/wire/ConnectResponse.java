package dev.glasshouse.engine.wire;

/**
 * The server's answer to {@link ConnectRequest}. A refused or expired session is answered with
 * timeout 0, session id 0 and a zeroed password, which clients turn into an expired state.
 */
public record ConnectResponse(int protocolVersion, int timeoutMillis, long sessionId, byte[] password,
                              boolean readOnly, boolean legacy) {

    public static final int PASSWORD_BYTES = 16;

    public static ConnectResponse expired(boolean legacy) {
        return new ConnectResponse(0, 0, 0, new byte[PASSWORD_BYTES], false, legacy);
    }

    public static ConnectResponse read(JuteInput in) {
        int protocolVersion = in.readInt();
        int timeoutMillis = in.readInt();
        long sessionId = in.readLong();
        byte[] password = in.readBuffer();
        if (!in.hasRemaining()) {
            return new ConnectResponse(protocolVersion, timeoutMillis, sessionId, password, false, true);
        }
        return new ConnectResponse(protocolVersion, timeoutMillis, sessionId, password, in.readBool(), false);
    }

    public void write(JuteOutput out) {
        out.writeInt(protocolVersion).writeInt(timeoutMillis).writeLong(sessionId).writeBuffer(password);
        if (!legacy) {
            out.writeBool(readOnly);
        }
    }
}
