package dev.glasshouse.engine.wire;

/** Maps an opcode to the layout of its request record, for the server (read) and the client (write). */
public final class RequestCodec {
    private RequestCodec() {
    }

    /**
     * Decodes the record that follows a header of the given opcode.
     *
     * @throws WireFormatException if the bytes do not hold that record
     */
    public static RequestBody read(OpCode op, JuteInput in) {
        return switch (op) {
            case CREATE, CREATE2, CREATE_CONTAINER, CREATE_TTL -> CreateRequest.read(op, in);
            case DELETE, DELETE_CONTAINER -> DeleteRequest.read(in);
            case EXISTS, GET_DATA, GET_CHILDREN, GET_CHILDREN2 -> PathWatchRequest.read(in);
            case SET_DATA -> SetDataRequest.read(in);
            case GET_ACL, SYNC, GET_EPHEMERALS, GET_ALL_CHILDREN_NUMBER -> PathRequest.read(in);
            case SET_ACL -> SetAclRequest.read(in);
            case CHECK -> CheckVersionRequest.read(in);
            case CHECK_WATCHES, REMOVE_WATCHES -> WatchTypeRequest.read(in);
            case SET_WATCHES, SET_WATCHES2 -> SetWatchesRequest.read(op, in);
            case ADD_WATCH -> AddWatchRequest.read(in);
            case AUTH -> AuthPacket.read(in);
            case SASL -> TokenRequest.read(in);
            case RECONFIG -> ReconfigRequest.read(in);
            case MULTI, MULTI_READ -> MultiRequest.read(in);
            case PING, CLOSE_SESSION, WHO_AM_I, CREATE_SESSION, NOTIFICATION, ERROR -> EmptyRequest.INSTANCE;
        };
    }

    /** Encodes a whole request frame body: header then record. */
    public static byte[] write(RequestHeader header, OpCode op, RequestBody body) {
        JuteOutput out = new JuteOutput();
        header.write(out);
        body.write(op, out);
        return out.toByteArray();
    }
}
