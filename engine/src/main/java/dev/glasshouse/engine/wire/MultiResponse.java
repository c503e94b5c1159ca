package dev.glasshouse.engine.wire;

import java.util.ArrayList;
import java.util.List;

/** multi and multiRead: one {@link OpResult} per operation, then {@link MultiHeader#END}. */
public record MultiResponse(List<OpResult> results) implements ResponseBody {
    public static MultiResponse read(JuteInput in) {
        List<OpResult> results = new ArrayList<>();
        MultiHeader header = MultiHeader.read(in);
        while (!header.done()) {
            results.add(new OpResult(header.type(), header.err(), readBody(header.type(), in)));
            header = MultiHeader.read(in);
        }
        return new MultiResponse(List.copyOf(results));
    }

    private static ResponseBody readBody(int type, JuteInput in) {
        OpCode op = OpCode.fromCode(type)
                .orElseThrow(() -> new WireFormatException("unknown result type " + type + " in multi reply"));
        return switch (op) {
            case CREATE -> CreateResponse.read(in);
            case CREATE2, CREATE_CONTAINER, CREATE_TTL -> Create2Response.read(in);
            case DELETE, CHECK -> EmptyResponse.INSTANCE;
            case SET_DATA -> StatResponse.read(in);
            case GET_CHILDREN -> ChildrenResponse.read(in);
            case GET_DATA -> GetDataResponse.read(in);
            case ERROR -> IntResponse.read(in);
            default -> throw new WireFormatException("result type " + op + " is not allowed in multi reply");
        };
    }

    @Override
    public void write(JuteOutput out) {
        for (OpResult result : results) {
            new MultiHeader(result.type(), false, result.err()).write(out);
            result.body().write(out);
        }
        MultiHeader.END.write(out);
    }
}
