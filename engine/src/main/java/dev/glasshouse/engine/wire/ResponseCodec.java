package dev.glasshouse.engine.wire;

/** Maps an opcode to the layout of its successful reply record, for clients decoding replies. */
public final class ResponseCodec {
    private ResponseCodec() {
    }

    /**
     * Decodes the record of a successful reply to a request with the given opcode.
     *
     * @throws WireFormatException if the bytes do not hold that record
     */
    public static ResponseBody read(OpCode op, JuteInput in) {
        return switch (op) {
            case CREATE -> CreateResponse.read(in);
            case CREATE2, CREATE_CONTAINER, CREATE_TTL -> Create2Response.read(in);
            case EXISTS, SET_DATA, SET_ACL -> StatResponse.read(in);
            case GET_DATA, RECONFIG -> GetDataResponse.read(in);
            case GET_CHILDREN, GET_EPHEMERALS -> ChildrenResponse.read(in);
            case GET_CHILDREN2 -> Children2Response.read(in);
            case GET_ACL -> GetAclResponse.read(in);
            case SYNC -> PathResponse.read(in);
            case GET_ALL_CHILDREN_NUMBER, ADD_WATCH -> IntResponse.read(in);
            case WHO_AM_I -> WhoAmIResponse.read(in);
            case SASL -> TokenResponse.read(in);
            case MULTI, MULTI_READ -> MultiResponse.read(in);
            case DELETE, PING, CLOSE_SESSION, CHECK, CHECK_WATCHES, REMOVE_WATCHES, SET_WATCHES, SET_WATCHES2, AUTH,
                    CREATE_SESSION, DELETE_CONTAINER, NOTIFICATION, ERROR -> EmptyResponse.INSTANCE;
        };
    }

    /** Encodes a whole reply frame body: header, then the record only when the reply is a success. */
    public static byte[] write(ReplyHeader header, ResponseBody body) {
        JuteOutput out = new JuteOutput();
        header.write(out);
        if (header.err() == 0) {
            body.write(out);
        }
        return out.toByteArray();
    }
}
