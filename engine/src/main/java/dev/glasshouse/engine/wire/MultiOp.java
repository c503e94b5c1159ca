package dev.glasshouse.engine.wire;

/** One operation inside a multi or multiRead request. */
public record MultiOp(OpCode op, RequestBody body) {
}
