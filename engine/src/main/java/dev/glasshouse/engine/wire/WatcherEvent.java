package dev.glasshouse.engine.wire;

/** The body of a notification frame (xid -1): event type, keeper state and the znode path. */
public record WatcherEvent(int type, int state, String path) {
    public static WatcherEvent read(JuteInput in) {
        return new WatcherEvent(in.readInt(), in.readInt(), in.readString());
    }

    public void write(JuteOutput out) {
        out.writeInt(type).writeInt(state).writeString(path);
    }
}
