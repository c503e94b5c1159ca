package dev.glasshouse.engine.wire;

/** reconfig: incremental (joining, leaving) or bulk (new members) change of the ensemble. */
public record ReconfigRequest(String joiningServers, String leavingServers, String newMembers, long curConfigId)
        implements RequestBody {
    public static ReconfigRequest read(JuteInput in) {
        return new ReconfigRequest(in.readString(), in.readString(), in.readString(), in.readLong());
    }

    @Override
    public void write(OpCode op, JuteOutput out) {
        out.writeString(joiningServers).writeString(leavingServers).writeString(newMembers).writeLong(curConfigId);
    }
}
