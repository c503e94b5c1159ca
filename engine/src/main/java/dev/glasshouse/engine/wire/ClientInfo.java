package dev.glasshouse.engine.wire;

/** One authenticated identity of a session, as whoAmI reports it. */
public record ClientInfo(String authScheme, String user) {
    public static ClientInfo read(JuteInput in) {
        return new ClientInfo(in.readString(), in.readString());
    }

    public void write(JuteOutput out) {
        out.writeString(authScheme).writeString(user);
    }
}
