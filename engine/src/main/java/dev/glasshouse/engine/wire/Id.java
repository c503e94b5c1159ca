package dev.glasshouse.engine.wire;

/** An identity in an ACL: a scheme ({@code world}, {@code digest}, {@code ip}, ...) and its id. */
public record Id(String scheme, String id) {
    public static final Id ANYONE = new Id("world", "anyone");

    public static Id read(JuteInput in) {
        return new Id(in.readString(), in.readString());
    }

    public void write(JuteOutput out) {
        out.writeString(scheme).writeString(id);
    }

    @Override
    public String toString() {
        return scheme + ":" + id;
    }
}
