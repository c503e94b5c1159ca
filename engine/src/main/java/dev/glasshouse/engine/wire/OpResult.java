package dev.glasshouse.engine.wire;

/**
 * One result inside a multi or multiRead reply. An error result has type -1, its code in
 * {@code err}, and an {@link IntResponse} body repeating the code.
 */
public record OpResult(int type, int err, ResponseBody body) {
    public static OpResult error(ErrorCode code) {
        return new OpResult(OpCode.ERROR.code(), code.code(), new IntResponse(code.code()));
    }

    public boolean isError() {
        return type == OpCode.ERROR.code();
    }
}
