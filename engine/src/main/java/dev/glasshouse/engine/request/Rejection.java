package dev.glasshouse.engine.request;

import dev.glasshouse.engine.wire.ErrorCode;

/**
 * A client mistake found while preparing or reading (no node, bad version, ...). Used only for
 * control flow inside the stages, which turn it into an error reply or an {@code ErrorTxn}; it
 * carries no stack trace because it is not a failure of the server.
 */
final class Rejection extends Exception {
    private static final long serialVersionUID = 1L;
    private final ErrorCode code;

    Rejection(ErrorCode code) {
        super(code.name(), null, false, false);
        this.code = code;
    }

    ErrorCode code() {
        return code;
    }
}
