package dev.glasshouse.engine.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * multi (atomic writes and checks) and multiRead (independent getData and getChildren): a list
 * of {@link MultiHeader}-prefixed operations ended by {@link MultiHeader#END}.
 */
public record MultiRequest(List<MultiOp> ops) implements RequestBody {

    /** Bounds the operations in one request; a frame cannot hold more than this many headers anyway. */
    private static final int MAX_OPS = 1 << 20;

    public static MultiRequest read(JuteInput in) {
        List<MultiOp> ops = new ArrayList<>();
        MultiHeader header = MultiHeader.read(in);
        while (!header.done()) {
            if (ops.size() >= MAX_OPS) {
                throw new WireFormatException("multi request has more than " + MAX_OPS + " operations");
            }
            int type = header.type();
            OpCode op = OpCode.fromCode(type)
                    .orElseThrow(() -> new WireFormatException("unknown operation " + type + " in multi"));
            ops.add(new MultiOp(op, readOp(op, in)));
            header = MultiHeader.read(in);
        }
        return new MultiRequest(List.copyOf(ops));
    }

    private static RequestBody readOp(OpCode op, JuteInput in) {
        return switch (op) {
            case CREATE, CREATE2, CREATE_CONTAINER, CREATE_TTL -> CreateRequest.read(op, in);
            case DELETE, DELETE_CONTAINER -> DeleteRequest.read(in);
            case SET_DATA -> SetDataRequest.read(in);
            case CHECK -> CheckVersionRequest.read(in);
            case GET_CHILDREN, GET_DATA -> PathWatchRequest.read(in);
            default -> throw new WireFormatException("operation " + op + " is not allowed in multi");
        };
    }

    @Override
    public void write(OpCode op, JuteOutput out) {
        for (MultiOp sub : ops) {
            new MultiHeader(sub.op().code(), false, -1).write(out);
            sub.body().write(sub.op(), out);
        }
        MultiHeader.END.write(out);
    }
}
