package dev.glasshouse.engine.wire;

/** The record that follows a successful {@link ReplyHeader}; {@link ResponseCodec} maps opcodes to layouts. */
public sealed interface ResponseBody permits CreateResponse, Create2Response, StatResponse, GetDataResponse,
        ChildrenResponse, Children2Response, GetAclResponse, PathResponse, IntResponse, WhoAmIResponse,
        TokenResponse, MultiResponse, EmptyResponse {

    void write(JuteOutput out);
}
