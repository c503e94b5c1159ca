package dev.glasshouse.engine.wire;

/** create: the actual path, which differs from the request's for sequential nodes. */
public record CreateResponse(String path) implements ResponseBody {
    public static CreateResponse read(JuteInput in) {
        return new CreateResponse(in.readString());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(path);
    }
}
