package dev.glasshouse.engine.wire;

/**
 * The record that follows a {@link RequestHeader}. Which record it is depends on the opcode;
 * {@link RequestCodec} maps one to the other in both directions.
 */
public sealed interface RequestBody permits CreateRequest, DeleteRequest, PathWatchRequest, SetDataRequest,
        PathRequest, SetAclRequest, CheckVersionRequest, WatchTypeRequest, SetWatchesRequest, AddWatchRequest,
        AuthPacket, TokenRequest, ReconfigRequest, MultiRequest, EmptyRequest {

    /** Writes the record for the given opcode; a few records have opcode-dependent layouts. */
    void write(OpCode op, JuteOutput out);
}
