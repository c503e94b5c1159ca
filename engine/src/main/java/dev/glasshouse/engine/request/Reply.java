package dev.glasshouse.engine.request;

import dev.glasshouse.engine.wire.EmptyResponse;
import dev.glasshouse.engine.wire.ErrorCode;
import dev.glasshouse.engine.wire.ResponseBody;

/** The outcome of one request: an error code, or OK with the response record. */
record Reply(ErrorCode err, ResponseBody body) {
    static Reply ok(ResponseBody body) {
        return new Reply(ErrorCode.OK, body);
    }

    static Reply error(ErrorCode code) {
        return new Reply(code, EmptyResponse.INSTANCE);
    }
}
