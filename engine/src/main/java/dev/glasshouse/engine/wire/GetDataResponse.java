package dev.glasshouse.engine.wire;

/** getData: the data (null when the node holds none) and the Stat. */
public record GetDataResponse(byte[] data, Stat stat) implements ResponseBody {
    public static GetDataResponse read(JuteInput in) {
        return new GetDataResponse(in.readBuffer(), Stat.read(in));
    }

    @Override
    public void write(JuteOutput out) {
        out.writeBuffer(data);
        stat.write(out);
    }
}
